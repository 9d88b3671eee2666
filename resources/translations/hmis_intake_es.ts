<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>CandidatesModel</name>
    <message>
        <location filename="../../ui/wizard/candidates_model.py" line="17" />
        <source>Name on this device</source>
        <translation>Nombre en este equipo</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/candidates_model.py" line="17" />
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/candidates_model.py" line="19" />
        <source>SSN</source>
        <translation>SSN</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/candidates_model.py" line="20" />
        <source>Why it may be the same person</source>
        <translation>Por qué puede ser la misma persona</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/candidates_model.py" line="20" />
        <source>Match</source>
        <translation>Coincidencia</translation>
    </message>
</context>
<context>
    <name>ConsentPage</name>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="58" />
        <source>&amp;Written</source>
        <translation>&amp;Escrito</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="59" />
        <source>&amp;Verbal</source>
        <translation>&amp;Verbal</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="60" />
        <source>&amp;Declined</source>
        <translation>&amp;Rechazado</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="62" />
        <source>Written consent</source>
        <translation>Consentimiento escrito</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="62" />
        <source>Verbal consent</source>
        <translation>Consentimiento verbal</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="63" />
        <source>Client declined consent</source>
        <translation>El cliente rechazó el consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="79" />
        <source>A &amp;parent or legal guardian is consenting for the client</source>
        <translation>Un &amp;padre, madre o tutor legal da el consentimiento por el cliente</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="80" />
        <source>Parent or legal guardian consents</source>
        <translation>Consiente el padre, la madre o el tutor legal</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="81" />
        <source>The client is an &amp;emancipated minor</source>
        <translation>El cliente es un menor &amp;emancipado</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="82" />
        <source>Client is an emancipated minor</source>
        <translation>El cliente es un menor emancipado</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="88" />
        <source>The client may be a victim of domestic &amp;violence</source>
        <translation>El cliente puede ser víctima de &amp;violencia doméstica</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="89" />
        <source>Client may be a victim of domestic violence</source>
        <translation>El cliente puede ser víctima de violencia doméstica</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="90" />
        <source>The client explicitly allows their information to be &amp;entered</source>
        <translation>El cliente permite expresamente que se &amp;registre su información</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="91" />
        <source>Permission to enter information</source>
        <translation>Permiso para registrar la información</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="92" />
        <source>The client explicitly allows their information to be s&amp;hared</source>
        <translation>El cliente permite expresamente que se c&amp;omparta su información</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="93" />
        <source>Permission to share information</source>
        <translation>Permiso para compartir la información</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="109" />
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="119" />
        <source>Client &amp;signature</source>
        <translation>&amp;Firma del cliente</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="125" />
        <source>C&amp;lear signature</source>
        <translation>&amp;Borrar firma</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="126" />
        <source>Clear signature</source>
        <translation>Borrar firma</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="130" />
        <source>The client signed the paper &amp;form instead; I attest it</source>
        <translation>El cliente firmó el &amp;formulario en papel; lo certifico</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="131" />
        <source>Paper form signed, attested by staff</source>
        <translation>Formulario en papel firmado, certificado por el personal</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="157" />
        <source>&amp;Reason written consent was not possible</source>
        <translation>&amp;Motivo por el que no fue posible el consentimiento escrito</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="158" />
        <source>Reason written consent was not possible</source>
        <translation>Motivo por el que no fue posible el consentimiento escrito</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="159" />
        <source>&amp;Witness</source>
        <translation>&amp;Testigo</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="159" />
        <source>Witness</source>
        <translation>Testigo</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="160" />
        <source>Da&amp;te</source>
        <translation>Fec&amp;ha</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="160" />
        <source>Consent date</source>
        <translation>Fecha del consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="161" />
        <source>Ti&amp;me</source>
        <translation>Ho&amp;ra</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="161" />
        <source>Consent time</source>
        <translation>Hora del consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="164" />
        <source>This first contact is by p&amp;hone</source>
        <translation>Este primer contacto es por &amp;teléfono</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="165" />
        <source>First contact by phone</source>
        <translation>Primer contacto por teléfono</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="186" />
        <location filename="../../ui/wizard/consent_page.py" line="191" />
        <location filename="../../ui/wizard/consent_page.py" line="229" />
        <source>the client</source>
        <translation>el cliente</translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="36" />
        <source>&amp;Person in this intake</source>
        <translation>&amp;Persona en esta admisión</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="37" />
        <source>Person in this intake</source>
        <translation>Persona en esta admisión</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="41" />
        <source>As typed in this intake</source>
        <translation>Tal como se escribió en esta admisión</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="48" />
        <source>Possible matches on this device</source>
        <translation>Posibles coincidencias en este equipo</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="61" />
        <source>&amp;Same person — use the existing record</source>
        <translation>&amp;Misma persona: usar el registro existente</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="62" />
        <source>Same person, link to the existing record</source>
        <translation>Misma persona, vincular al registro existente</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="63" />
        <source>Not the same — &amp;create a new record</source>
        <translation>No es la misma: &amp;crear un registro nuevo</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="64" />
        <source>Not the same person, create a new record</source>
        <translation>No es la misma persona, crear un registro nuevo</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="75" />
        <source>Duplicate check</source>
        <translation>Comprobación de duplicados</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="81" />
        <location filename="../../ui/wizard/duplicates_page.py" line="94" />
        <source>(no name)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="82" />
        <source>Person {n}: {name}</source>
        <translation>Persona {n}: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="94" />
        <source>As typed</source>
        <translation>Tal como se escribió</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="95" />
        <source>Date of birth: {d}</source>
        <translation>Fecha de nacimiento: {d}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="97" />
        <source>SSN ends in {d}</source>
        <translation>El SSN termina en {d}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="103" />
        <source>Linked to an existing record; no new person will be created.</source>
        <translation>Vinculado a un registro existente; no se creará una persona nueva.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="109" />
        <source>{n} possible match(es). Compare them with the client; a new record is created unless you choose “Same person”.</source>
        <translation>{n} posible(s) coincidencia(s). Compárelas con el cliente; se crea un registro nuevo salvo que elija «Misma persona».</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="113" />
        <source>No one on this device looks like this person; a new record will be created.</source>
        <translation>Nadie en este equipo se parece a esta persona; se creará un registro nuevo.</translation>
    </message>
</context>
<context>
    <name>HouseholdModel</name>
    <message>
        <location filename="../../ui/wizard/household_model.py" line="36" />
        <source>Person {n}</source>
        <translation>Persona {n}</translation>
    </message>
</context>
<context>
    <name>HouseholdPage</name>
    <message>
        <location filename="../../ui/wizard/household_page.py" line="28" />
        <source>Add everyone entering the project together. Person 1 is usually the head of household.</source>
        <translation>Añada a todas las personas que entran juntas al proyecto. La persona 1 suele ser el jefe o jefa de hogar.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/household_page.py" line="34" />
        <source>Household members</source>
        <translation>Miembros del hogar</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/household_page.py" line="38" />
        <source>&amp;Add member</source>
        <translation>&amp;Añadir miembro</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/household_page.py" line="39" />
        <source>Add household member</source>
        <translation>Añadir miembro del hogar</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/household_page.py" line="40" />
        <source>Re&amp;move member</source>
        <translation>&amp;Quitar miembro</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/household_page.py" line="41" />
        <source>Remove household member</source>
        <translation>Quitar miembro del hogar</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/household_page.py" line="49" />
        <source>Choose…</source>
        <translation>Elija…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/household_page.py" line="52" />
        <source>&amp;Relationship to head of household</source>
        <translation>&amp;Relación con el jefe o jefa de hogar</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/household_page.py" line="53" />
        <source>Relationship to head of household</source>
        <translation>Relación con el jefe o jefa de hogar</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/household_page.py" line="55" />
        <source>This member gave their &amp;own consent, the same way as person 1</source>
        <translation>Este miembro dio su &amp;propio consentimiento, igual que la persona 1</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/household_page.py" line="56" />
        <source>Member gave their own consent</source>
        <translation>El miembro dio su propio consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/household_page.py" line="69" />
        <source>Household</source>
        <translation>Hogar</translation>
    </message>
</context>
<context>
    <name>IntakeWizard</name>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="68" />
        <source>New intake</source>
        <translation>Nueva admisión</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="98" />
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="105" />
        <source>Intake steps</source>
        <translation>Pasos de la admisión</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="114" />
        <source>This intake was kept when it was interrupted; nothing typed was lost.</source>
        <translation>Esta admisión se conservó al interrumpirse; no se perdió nada de lo escrito.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="145" />
        <source>D&amp;iscard intake</source>
        <translation>&amp;Descartar admisión</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="146" />
        <location filename="../../ui/wizard/intake_wizard.py" line="330" />
        <source>Discard intake</source>
        <translation>Descartar admisión</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="147" />
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="148" />
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="149" />
        <location filename="../../ui/wizard/intake_wizard.py" line="230" />
        <source>&amp;Next</source>
        <translation>&amp;Siguiente</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="151" />
        <location filename="../../ui/wizard/intake_wizard.py" line="231" />
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="171" />
        <source>Intake saved</source>
        <translation>Admisión guardada</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="177" />
        <source>Open &amp;profile</source>
        <translation>Abrir &amp;perfil</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="178" />
        <source>Open the client's profile</source>
        <translation>Abrir el perfil del cliente</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="179" />
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="180" />
        <source>Close the intake</source>
        <translation>Cerrar la admisión</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="199" />
        <source>Project</source>
        <translation>Proyecto</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="199" />
        <source>Oral explanation</source>
        <translation>Explicación oral</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="200" />
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="200" />
        <source>Sharing</source>
        <translation>Compartir</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="201" />
        <source>Household</source>
        <translation>Hogar</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="201" />
        <source>Duplicate check</source>
        <translation>Comprobación de duplicados</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="202" />
        <source>Review and save</source>
        <translation>Revisar y guardar</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="205" />
        <source>Person {n} details</source>
        <translation>Datos de la persona {n}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="218" />
        <source>Current step</source>
        <translation>Paso actual</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="230" />
        <source>&amp;Save intake</source>
        <translation>&amp;Guardar admisión</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="231" />
        <source>Save intake</source>
        <translation>Guardar admisión</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="288" />
        <source>1 person was saved.</source>
        <translation>Se guardó 1 persona.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="289" />
        <source>{n} people were saved.</source>
        <translation>Se guardaron {n} personas.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="290" />
        <source>The records are in the outbox and will sync when the device is online.</source>
        <translation>Los registros están en la bandeja de salida y se sincronizarán cuando el equipo tenga conexión.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="331" />
        <source>Discard this intake? Nothing of it has been saved, and it will not be kept.</source>
        <translation>¿Descartar esta admisión? No se ha guardado nada de ella y no se conservará.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/search/main_window.py" line="90" />
        <source>Find a person</source>
        <translation>Buscar una persona</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="94" />
        <location filename="../../ui/search/main_window.py" line="172" />
        <source>&amp;New person…</source>
        <translation>&amp;Nueva persona…</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="95" />
        <source>New person</source>
        <translation>Nueva persona</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="98" />
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="100" />
        <source>Lock now</source>
        <translation>Bloquear ahora</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="101" />
        <source>Lock now (Ctrl+L)</source>
        <translation>Bloquear ahora (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="102" />
        <location filename="../../ui/search/main_window.py" line="176" />
        <source>New &amp;intake…</source>
        <translation>Nueva &amp;admisión…</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="103" />
        <source>New intake</source>
        <translation>Nueva admisión</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="104" />
        <source>New intake (Ctrl+I)</source>
        <translation>Nueva admisión (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="111" />
        <source>&amp;Search by name, date of birth or last 4 of SSN</source>
        <translation>&amp;Buscar por nombre, fecha de nacimiento o últimos 4 del SSN</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="114" />
        <source>e.g. Juniper, 1985-03-14, 03/14/1985 or 4321</source>
        <translation>p. ej. Juniper, 1985-03-14, 03/14/1985 o 4321</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="115" />
        <source>Search people</source>
        <translation>Buscar personas</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="128" />
        <source>&amp;Resume unsaved form</source>
        <translation>&amp;Retomar el formulario sin guardar</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="129" />
        <source>Resume unsaved form</source>
        <translation>Retomar el formulario sin guardar</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="143" />
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="157" />
        <source>Type in the search box to find people on this device.</source>
        <translation>Escriba en el cuadro de búsqueda para encontrar personas en este equipo.</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="165" />
        <source>Signed in as {name} · {role}</source>
        <translation>Sesión de {name} · {role}</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="171" />
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="182" />
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="186" />
        <source>&amp;Settings</source>
        <translation>&amp;Configuración</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="187" />
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="196" />
        <source>&amp;Copy name</source>
        <translation>&amp;Copiar nombre</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="250" />
        <source>No one on this device matches.</source>
        <translation>Nadie en este equipo coincide.</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="252" />
        <source>Showing the first {n}; type more to narrow it down.</source>
        <translation>Se muestran los primeros {n}; escriba más para acotar.</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="255" />
        <source>{n} found</source>
        <translation>{n} encontrados</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="256" />
        <source>1 found</source>
        <translation>1 encontrado</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="277" />
        <source>Outbox: nothing waiting to sync</source>
        <translation>Bandeja de salida: nada pendiente de sincronizar</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="279" />
        <source>Outbox: {n} waiting · oldest {h:.0f} h of the {w} h window</source>
        <translation>Bandeja de salida: {n} pendientes · el más antiguo {h:.0f} h de un plazo de {w} h</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="282" />
        <source> · {n} overdue</source>
        <translation> · {n} vencidos</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="322" />
        <source>Saved; the record is in the outbox.</source>
        <translation>Guardado; el registro está en la bandeja de salida.</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="363" />
        <source>You have {n} unsaved intakes.</source>
        <translation>Tiene {n} admisiones sin guardar.</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="364" />
        <source>You have an unsaved intake.</source>
        <translation>Tiene una admisión sin guardar.</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="367" />
        <source>You have {n} unsaved new-person forms.</source>
        <translation>Tiene {n} formularios de persona nueva sin guardar.</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="368" />
        <source>You have an unsaved new-person form.</source>
        <translation>Tiene un formulario de persona nueva sin guardar.</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="446" />
        <source>Language changed; screens opened from now on use it.</source>
        <translation>Idioma cambiado; las pantallas que se abran a partir de ahora lo usan.</translation>
    </message>
</context>
<context>
    <name>MemberPage</name>
    <message>
        <location filename="../../ui/wizard/member_page.py" line="18" />
        <source>Every question accepts “Client doesn't know” and “Client prefers not to answer”. Questions appear and disappear as answers change.</source>
        <translation>Todas las preguntas aceptan «El cliente no sabe» y «El cliente prefiere no responder». Las preguntas aparecen y desaparecen según las respuestas.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/member_page.py" line="28" />
        <source>Person {n} details</source>
        <translation>Datos de la persona {n}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/member_page.py" line="39" />
        <source>Person {n} of {m}</source>
        <translation>Persona {n} de {m}</translation>
    </message>
</context>
<context>
    <name>ProfileWindow</name>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="76" />
        <source>Client profile</source>
        <translation>Perfil del cliente</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="98" />
        <source>Consent warning</source>
        <translation>Aviso sobre el consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="116" />
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="117" />
        <source>Close the profile</source>
        <translation>Cerrar el perfil</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="147" />
        <source>&amp;Overview</source>
        <translation>&amp;Resumen</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="148" />
        <source>Enrollments</source>
        <translation>Inscripciones</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="149" />
        <source>Project</source>
        <translation>Proyecto</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="149" />
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="149" />
        <source>Relationship</source>
        <translation>Relación</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="149" />
        <source>Exit</source>
        <translation>Salida</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="150" />
        <location filename="../../ui/profile/profile_window.py" line="198" />
        <source>Destination</source>
        <translation>Destino</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="151" />
        <source>Consents</source>
        <translation>Consentimientos</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="152" />
        <source>Method</source>
        <translation>Forma</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="152" />
        <source>Sharing</source>
        <translation>Compartir</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="152" />
        <source>Signed</source>
        <translation>Firmado</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="152" />
        <source>Expires</source>
        <translation>Vence</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="153" />
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="156" />
        <source>&amp;Household</source>
        <translation>&amp;Hogar</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="157" />
        <source>Household members</source>
        <translation>Miembros del hogar</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="158" />
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="158" />
        <source>Relationship to head of household</source>
        <translation>Relación con el jefe o jefa de hogar</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="161" />
        <source>Contacts and &amp;services</source>
        <translation>Contactos y &amp;servicios</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="162" />
        <source>Current living situation contacts (4.12)</source>
        <translation>Contactos de situación de vivienda actual (4.12)</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="163" />
        <location filename="../../ui/profile/profile_window.py" line="165" />
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="163" />
        <source>Living situation</source>
        <translation>Situación de vivienda</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="163" />
        <source>Location</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="164" />
        <source>Services</source>
        <translation>Servicios</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="165" />
        <source>Record type</source>
        <translation>Tipo de registro</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="165" />
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="173" />
        <location filename="../../ui/profile/profile_window.py" line="191" />
        <source>Choose…</source>
        <translation>Elija…</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="177" />
        <source>Contact &amp;date</source>
        <translation>&amp;Fecha del contacto</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="177" />
        <source>Contact date</source>
        <translation>Fecha del contacto</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="178" />
        <source>&amp;Living situation</source>
        <translation>Situación de &amp;vivienda</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="179" />
        <source>Current living situation</source>
        <translation>Situación de vivienda actual</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="182" />
        <source>&amp;Record contact</source>
        <translation>&amp;Registrar contacto</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="183" />
        <source>Record contact</source>
        <translation>Registrar contacto</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="197" />
        <source>E&amp;xit date</source>
        <translation>Fecha de &amp;salida</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="197" />
        <source>Exit date</source>
        <translation>Fecha de salida</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="198" />
        <source>Des&amp;tination</source>
        <translation>Des&amp;tino</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="199" />
        <location filename="../../ui/profile/profile_window.py" line="200" />
        <source>Other destination</source>
        <translation>Otro destino</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="203" />
        <source>Record &amp;exit</source>
        <translation>Registrar &amp;salida</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="204" />
        <source>Record exit</source>
        <translation>Registrar salida</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="209" />
        <source>Case &amp;notes</source>
        <translation>&amp;Notas del caso</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="210" />
        <source>Case notes cannot be changed or deleted. Correct a note with an amendment.</source>
        <translation>Las notas del caso no se pueden cambiar ni borrar. Corrija una nota con una enmienda.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="212" />
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="213" />
        <location filename="../../ui/profile/profile_window.py" line="251" />
        <source>Written</source>
        <translation>Escrito</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="213" />
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="213" />
        <source>Amends</source>
        <translation>Enmienda a</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="216" />
        <source>New note</source>
        <translation>Nota nueva</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="220" />
        <source>&amp;Add note</source>
        <translation>&amp;Añadir nota</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="221" />
        <source>Add note</source>
        <translation>Añadir nota</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="222" />
        <source>A&amp;mend selected note</source>
        <translation>&amp;Enmendar la nota seleccionada</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="223" />
        <source>Amend selected note</source>
        <translation>Enmendar la nota seleccionada</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="233" />
        <source>Reason for the deletion request</source>
        <translation>Motivo de la solicitud de borrado</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="234" />
        <source>Reason the selected note should be deleted</source>
        <translation>Motivo por el que se debe borrar la nota seleccionada</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="235" />
        <source>Request &amp;deletion</source>
        <translation>Solicitar &amp;borrado</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="236" />
        <source>Request deletion of the selected note</source>
        <translation>Solicitar el borrado de la nota seleccionada</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="248" />
        <source>Date of birth: {d}</source>
        <translation>Fecha de nacimiento: {d}</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="251" />
        <source>Verbal</source>
        <translation>Verbal</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="251" />
        <source>Declined</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="252" />
        <source>Shared</source>
        <translation>Compartido</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="252" />
        <source>Not Shared</source>
        <translation>No compartido</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="260" />
        <source>Current</source>
        <translation>Vigente</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="260" />
        <source>Revoked</source>
        <translation>Revocado</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="261" />
        <source>Not current</source>
        <translation>No vigente</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="302" />
        <location filename="../../ui/profile/profile_window.py" line="328" />
        <source>The client has no open enrollment.</source>
        <translation>El cliente no tiene una inscripción abierta.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="306" />
        <source>Choose the living situation.</source>
        <translation>Elija la situación de vivienda.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="318" />
        <source>Contact saved; it is in the outbox.</source>
        <translation>Contacto guardado; está en la bandeja de salida.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="332" />
        <source>Choose the destination.</source>
        <translation>Elija el destino.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="344" />
        <source>Exit saved; it is in the outbox.</source>
        <translation>Salida guardada; está en la bandeja de salida.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="356" />
        <source>Select the note to amend first.</source>
        <translation>Primero seleccione la nota que quiere enmendar.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="366" />
        <source>Amendment saved.</source>
        <translation>Enmienda guardada.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="366" />
        <source>Note saved.</source>
        <translation>Nota guardada.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="374" />
        <source>Select the note first.</source>
        <translation>Primero seleccione la nota.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="384" />
        <source>Deletion request recorded for the help desk; the note stays until it is handled.</source>
        <translation>Solicitud de borrado registrada para la mesa de ayuda; la nota se mantiene hasta que se resuelva.</translation>
    </message>
</context>
<context>
    <name>ProjectPage</name>
    <message>
        <location filename="../../ui/wizard/project_page.py" line="25" />
        <source>Choose the project this household is entering and the language the client wants to hear the explanation in.</source>
        <translation>Elija el proyecto al que entra este hogar y el idioma en que el cliente quiere oír la explicación.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/project_page.py" line="30" />
        <source>Choose a project…</source>
        <translation>Elija un proyecto…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/project_page.py" line="37" />
        <source>&amp;Project</source>
        <translation>&amp;Proyecto</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/project_page.py" line="37" />
        <location filename="../../ui/wizard/project_page.py" line="47" />
        <source>Project</source>
        <translation>Proyecto</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/project_page.py" line="38" />
        <source>Client's &amp;language</source>
        <translation>&amp;Idioma del cliente</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/project_page.py" line="39" />
        <source>Client's language</source>
        <translation>Idioma del cliente</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/project_page.py" line="40" />
        <source>The oral explanation and the consent are shown in this language.</source>
        <translation>La explicación oral y el consentimiento se muestran en este idioma.</translation>
    </message>
</context>
<context>
    <name>QuestionForm</name>
    <message>
        <location filename="../../ui/wizard/question_form.py" line="72" />
        <source>Choose…</source>
        <translation>Elija…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/question_form.py" line="79" />
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="19" />
        <source>Check everything with the client, then press Save intake. Nothing is stored before that.</source>
        <translation>Revise todo con el cliente y pulse Guardar admisión. No se guarda nada antes.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="25" />
        <source>Intake summary</source>
        <translation>Resumen de la admisión</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="30" />
        <source>Review and save</source>
        <translation>Revisar y guardar</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="36" />
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="36" />
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="45" />
        <source>Written</source>
        <translation>Escrito</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="45" />
        <source>Verbal</source>
        <translation>Verbal</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="45" />
        <source>Declined</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="46" />
        <source>Shared</source>
        <translation>Compartido</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="46" />
        <source>Not Shared</source>
        <translation>No compartido</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="49" />
        <source>Project: {p}</source>
        <translation>Proyecto: {p}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="50" />
        <source>Oral explanation: every point explained</source>
        <translation>Explicación oral: se explicaron todos los puntos</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="51" />
        <source>Consent: {m}, {d}</source>
        <translation>Consentimiento: {m}, {d}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="55" />
        <source>Signature captured on screen</source>
        <translation>Firma capturada en pantalla</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="56" />
        <source>Paper form signed, attested by staff</source>
        <translation>Formulario en papel firmado, certificado por el personal</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="58" />
        <source>Sharing: {s}</source>
        <translation>Compartir: {s}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="60" />
        <source>Expires on: {d}</source>
        <translation>Vence el: {d}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="64" />
        <source>Person {n}</source>
        <translation>Persona {n}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="65" />
        <source>linked to the existing record</source>
        <translation>vinculada al registro existente</translation>
    </message>
</context>
<context>
    <name>ScriptPage</name>
    <message>
        <location filename="../../ui/wizard/script_page.py" line="27" />
        <source>Oral explanation</source>
        <translation>Explicación oral</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/script_page.py" line="39" />
        <source>the client</source>
        <translation>el cliente</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/script_page.py" line="43" />
        <source>Read each point to the client, answer their questions, then tick it. Next is available once every point is ticked.</source>
        <translation>Lea cada punto al cliente, responda sus preguntas y márquelo. Siguiente se activa cuando todos los puntos están marcados.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/script_page.py" line="54" />
        <source>Explained: {title}</source>
        <translation>Explicado: {title}</translation>
    </message>
</context>
<context>
    <name>SharingPage</name>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="28" />
        <source>Sharing is fixed</source>
        <translation>Compartir está fijado</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="33" />
        <source>&amp;Shared</source>
        <translation>&amp;Compartido</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="33" />
        <source>&amp;Not Shared</source>
        <translation>&amp;No compartido</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="45" />
        <source>Agencies or groups, separated by commas</source>
        <translation>Agencias o grupos, separados por comas</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="50" />
        <source>Shared &amp;with</source>
        <translation>Compartido &amp;con</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="50" />
        <source>Shared with</source>
        <translation>Compartido con</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="51" />
        <source>&amp;Expires on</source>
        <translation>&amp;Vence el</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="51" />
        <source>Consent expiry date</source>
        <translation>Fecha de vencimiento del consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="52" />
        <source>Tell the client this date.</source>
        <translation>Diga esta fecha al cliente.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="55" />
        <source>The client signed the separate &amp;release to share</source>
        <translation>El cliente firmó la &amp;autorización aparte para compartir</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="56" />
        <source>Separate release to share signed</source>
        <translation>Autorización aparte para compartir firmada</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="64" />
        <source>Sharing</source>
        <translation>Compartir</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="77" />
        <source>the client</source>
        <translation>el cliente</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="89" />
        <source>The client declined consent, so the record stays Not Shared.</source>
        <translation>El cliente rechazó el consentimiento, así que el registro queda No compartido.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="90" />
        <source>Sharing is fixed to Not Shared for this intake.</source>
        <translation>En esta admisión el registro queda fijado como No compartido.</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../ui/wizard/signature_pad.py" line="44" />
        <source>Signature pad</source>
        <translation>Panel de firma</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/signature_pad.py" line="45" />
        <source>The client signs here with a finger, a pen or the mouse.</source>
        <translation>El cliente firma aquí con el dedo, un lápiz o el ratón.</translation>
    </message>
</context>
</TS>
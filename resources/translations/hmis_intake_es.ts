<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AccessDialog</name>
    <message>
        <location filename="../../ui/admin/access_dialog.py" line="34"/>
        <location filename="../../ui/admin/access_dialog.py" line="36"/>
        <source>Agreements and training</source>
        <translation>Acuerdos y capacitación</translation>
    </message>
    <message>
        <location filename="../../ui/admin/access_dialog.py" line="39"/>
        <source>Tick what {name} completed, and the day they completed it.</source>
        <translation>Marque lo que {name} completó y el día en que lo completó.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/access_dialog.py" line="48"/>
        <source>not recorded</source>
        <translation>sin registrar</translation>
    </message>
    <message>
        <location filename="../../ui/admin/access_dialog.py" line="49"/>
        <source>lapsed on {day}</source>
        <translation>venció el {day}</translation>
    </message>
    <message>
        <location filename="../../ui/admin/access_dialog.py" line="52"/>
        <source>due by {day}</source>
        <translation>vence el {day}</translation>
    </message>
    <message>
        <location filename="../../ui/admin/access_dialog.py" line="54"/>
        <source>current</source>
        <translation>vigente</translation>
    </message>
    <message>
        <location filename="../../ui/admin/access_dialog.py" line="66"/>
        <source>&amp;Completed on</source>
        <translation>&amp;Completado el</translation>
    </message>
    <message>
        <location filename="../../ui/admin/access_dialog.py" line="68"/>
        <source>Completed on</source>
        <translation>Completado el</translation>
    </message>
    <message>
        <location filename="../../ui/admin/access_dialog.py" line="75"/>
        <source>&amp;Record</source>
        <translation>&amp;Registrar</translation>
    </message>
</context>
<context>
    <name>AggregateReportDialog</name>
    <message>
        <location filename="../../ui/reports/aggregate_dialog.py" line="73"/>
        <location filename="../../ui/reports/aggregate_dialog.py" line="81"/>
        <source>Aggregate report</source>
        <translation>Informe agregado</translation>
    </message>
    <message>
        <location filename="../../ui/reports/aggregate_dialog.py" line="85"/>
        <source>Counts of people, households and enrollments by project and HUD category, with no client-level data. Counts below {n} are shown as &lt;{n}. The report&apos;s header states where its data comes from and what it includes.</source>
        <translation>Recuentos de personas, hogares e inscripciones por proyecto y categoría de HUD, sin datos a nivel de cliente. Los recuentos menores que {n} se muestran como &lt;{n}. El encabezado del informe indica de dónde provienen sus datos y qué incluye.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/aggregate_dialog.py" line="93"/>
        <source>First day of the period</source>
        <translation>Primer día del período</translation>
    </message>
    <message>
        <location filename="../../ui/reports/aggregate_dialog.py" line="94"/>
        <source>Last day of the period</source>
        <translation>Último día del período</translation>
    </message>
    <message>
        <location filename="../../ui/reports/aggregate_dialog.py" line="97"/>
        <source>to</source>
        <translation>a</translation>
    </message>
    <message>
        <location filename="../../ui/reports/aggregate_dialog.py" line="100"/>
        <source>Period</source>
        <translation>Período</translation>
    </message>
    <message>
        <location filename="../../ui/reports/aggregate_dialog.py" line="104"/>
        <source>Projects to report on</source>
        <translation>Proyectos del informe</translation>
    </message>
    <message>
        <location filename="../../ui/reports/aggregate_dialog.py" line="112"/>
        <source>Projects</source>
        <translation>Proyectos</translation>
    </message>
    <message>
        <location filename="../../ui/reports/aggregate_dialog.py" line="115"/>
        <source>&amp;CSV</source>
        <translation>&amp;CSV</translation>
    </message>
    <message>
        <location filename="../../ui/reports/aggregate_dialog.py" line="116"/>
        <source>Save as CSV</source>
        <translation>Guardar como CSV</translation>
    </message>
    <message>
        <location filename="../../ui/reports/aggregate_dialog.py" line="117"/>
        <source>&amp;PDF</source>
        <translation>&amp;PDF</translation>
    </message>
    <message>
        <location filename="../../ui/reports/aggregate_dialog.py" line="118"/>
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <location filename="../../ui/reports/aggregate_dialog.py" line="127"/>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <location filename="../../ui/reports/aggregate_dialog.py" line="131"/>
        <location filename="../../ui/reports/aggregate_dialog.py" line="134"/>
        <source>Choose where to save the report</source>
        <translation>Elija dónde guardar el informe</translation>
    </message>
    <message>
        <location filename="../../ui/reports/aggregate_dialog.py" line="132"/>
        <source>File to save the report to</source>
        <translation>Archivo donde guardar el informe</translation>
    </message>
    <message>
        <location filename="../../ui/reports/aggregate_dialog.py" line="133"/>
        <source>C&amp;hoose…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <location filename="../../ui/reports/aggregate_dialog.py" line="138"/>
        <source>Save to</source>
        <translation>Guardar en</translation>
    </message>
    <message>
        <location filename="../../ui/reports/aggregate_dialog.py" line="143"/>
        <source>Report written</source>
        <translation>Informe guardado</translation>
    </message>
    <message>
        <location filename="../../ui/reports/aggregate_dialog.py" line="148"/>
        <location filename="../../ui/reports/aggregate_dialog.py" line="149"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../ui/reports/aggregate_dialog.py" line="150"/>
        <source>&amp;Save report</source>
        <translation>&amp;Guardar informe</translation>
    </message>
    <message>
        <location filename="../../ui/reports/aggregate_dialog.py" line="151"/>
        <source>Save report</source>
        <translation>Guardar informe</translation>
    </message>
    <message>
        <location filename="../../ui/reports/aggregate_dialog.py" line="171"/>
        <source>Save the report</source>
        <translation>Guardar el informe</translation>
    </message>
    <message>
        <location filename="../../ui/reports/aggregate_dialog.py" line="192"/>
        <source>Choose where to save the report.</source>
        <translation>Elija dónde guardar el informe.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/aggregate_dialog.py" line="197"/>
        <source>Choose at least one project.</source>
        <translation>Elija al menos un proyecto.</translation>
    </message>
    <message>
        <location filename="../../ui/reports/aggregate_dialog.py" line="222"/>
        <source>Saved {file}: {people} people, {households} households and {enrollments} enrollments counted; counts below {n} shown as &lt;{n}.</source>
        <translation>Se guardó {file}: se contaron {people} personas, {households} hogares y {enrollments} inscripciones; los recuentos menores que {n} se muestran como &lt;{n}.</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <location filename="../../ui/controller.py" line="156"/>
        <source>Locked after 1 minute without activity.</source>
        <translation>Bloqueado tras 1 minuto sin actividad.</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="157"/>
        <source>Locked after {m:g} minutes without activity.</source>
        <translation>Bloqueado tras {m:g} minutos sin actividad.</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="159"/>
        <source>Locked because the computer was locked or went to sleep.</source>
        <translation>Bloqueado porque la computadora se bloqueó o entró en suspensión.</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="161"/>
        <source>Locked at your request.</source>
        <translation>Bloqueado a petición suya.</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="163"/>
        <source>Your unsaved form was kept and reopens after you sign in.</source>
        <translation>Su formulario sin guardar se conservó y se vuelve a abrir cuando inicie sesión.</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="172"/>
        <source>Creating the encrypted vault… this takes a few seconds.</source>
        <translation>Creando la bóveda cifrada… esto tarda unos segundos.</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="200"/>
        <source>Preparing a practice vault with made-up people…</source>
        <translation>Preparando una bóveda de práctica con personas inventadas…</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="213"/>
        <source>Preparing a practice vault: {done} of {total} made-up people…</source>
        <translation>Preparando una bóveda de práctica: {done} de {total} personas inventadas…</translation>
    </message>
    <message>
        <location filename="../../ui/controller.py" line="228"/>
        <source>Checking your password…</source>
        <translation>Comprobando su contraseña…</translation>
    </message>
</context>
<context>
    <name>AudienceBox</name>
    <message>
        <location filename="../../ui/export/audience.py" line="40"/>
        <source>&amp;Upload to this agency&apos;s own HMIS</source>
        <translation>&amp;Subir al HMIS propio de esta agencia</translation>
    </message>
    <message>
        <location filename="../../ui/export/audience.py" line="41"/>
        <source>For this agency&apos;s own HMIS upload</source>
        <translation>Para la carga en el HMIS propio de esta agencia</translation>
    </message>
    <message>
        <location filename="../../ui/export/audience.py" line="43"/>
        <source>Every client in full. A list beside the zip tells the HMIS administrator which records to import as Not Shared or locked, so other agencies do not see them.</source>
        <translation>Todos los clientes completos. Una lista junto al zip indica al administrador del HMIS qué registros importar como No compartidos o bloqueados, para que otras agencias no los vean.</translation>
    </message>
    <message>
        <location filename="../../ui/export/audience.py" line="46"/>
        <source>CoC-wide or &amp;warehouse file</source>
        <translation>Archivo para toda la CoC o para un a&amp;lmacén de datos</translation>
    </message>
    <message>
        <location filename="../../ui/export/audience.py" line="47"/>
        <source>For a CoC-wide or warehouse file</source>
        <translation>Para un archivo de toda la CoC o de un almacén de datos</translation>
    </message>
    <message>
        <location filename="../../ui/export/audience.py" line="49"/>
        <source>Shared only as consent allows: names and records leave only for the days a consent in force allowed sharing; other clients are counted without identifiers.</source>
        <translation>Solo lo que permite el consentimiento: los nombres y registros salen solo para los días en que un consentimiento vigente permitía compartir; los demás clientes se cuentan sin identificadores.</translation>
    </message>
    <message>
        <location filename="../../ui/export/audience.py" line="53"/>
        <source>Data &amp;request from an outside entity: de-identified, unless the CoC approved identifying data</source>
        <translation>Solicitud de datos de una entidad e&amp;xterna: desidentificados, salvo que la CoC haya aprobado datos identificativos</translation>
    </message>
    <message>
        <location filename="../../ui/export/audience.py" line="54"/>
        <source>For a data request from an outside entity</source>
        <translation>Para una solicitud de datos de una entidad externa</translation>
    </message>
    <message>
        <location filename="../../ui/export/audience.py" line="56"/>
        <source>De-identified: no names, SSN, date of birth or free text; a manifest beside the zip says what it keeps.</source>
        <translation>Desidentificado: sin nombres, SSN, fecha de nacimiento ni texto libre; un manifiesto junto al zip indica lo que conserva.</translation>
    </message>
    <message>
        <location filename="../../ui/export/audience.py" line="69"/>
        <source>&amp;Identifying data, approved by the CoC:</source>
        <translation>Datos &amp;identificativos, aprobados por la CoC:</translation>
    </message>
    <message>
        <location filename="../../ui/export/audience.py" line="70"/>
        <source>Identifying data for the outside entity</source>
        <translation>Datos identificativos para la entidad externa</translation>
    </message>
    <message>
        <location filename="../../ui/export/audience.py" line="73"/>
        <location filename="../../ui/export/audience.py" line="74"/>
        <source>CoC approval reference</source>
        <translation>Referencia de la aprobación de la CoC</translation>
    </message>
    <message>
        <location filename="../../ui/export/audience.py" line="103"/>
        <source>Choose who the file is for.</source>
        <translation>Elija para quién es el archivo.</translation>
    </message>
</context>
<context>
    <name>CandidatesModel</name>
    <message>
        <location filename="../../ui/wizard/candidates_model.py" line="18"/>
        <source>Name on this device</source>
        <translation>Nombre en este equipo</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/candidates_model.py" line="18"/>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/candidates_model.py" line="20"/>
        <source>SSN</source>
        <translation>SSN</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/candidates_model.py" line="21"/>
        <source>Why it may be the same person</source>
        <translation>Por qué puede ser la misma persona</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/candidates_model.py" line="21"/>
        <source>Match</source>
        <translation>Coincidencia</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <location filename="../../ui/signin/change_password_dialog.py" line="33"/>
        <location filename="../../ui/signin/change_password_dialog.py" line="74"/>
        <source>Change password</source>
        <translation>Cambiar la contraseña</translation>
    </message>
    <message>
        <location filename="../../ui/signin/change_password_dialog.py" line="44"/>
        <source>Choose a new password</source>
        <translation>Elija una nueva contraseña</translation>
    </message>
    <message>
        <location filename="../../ui/signin/change_password_dialog.py" line="47"/>
        <source>Your password has expired.</source>
        <translation>Su contraseña ha vencido.</translation>
    </message>
    <message>
        <location filename="../../ui/signin/change_password_dialog.py" line="48"/>
        <source>Your administrator set this password; choose your own before you start.</source>
        <translation>Su administrador le asignó esta contraseña; elija una propia antes de empezar.</translation>
    </message>
    <message>
        <location filename="../../ui/signin/change_password_dialog.py" line="55"/>
        <source>&amp;Current password</source>
        <translation>Contraseña &amp;actual</translation>
    </message>
    <message>
        <location filename="../../ui/signin/change_password_dialog.py" line="56"/>
        <source>Current password</source>
        <translation>Contraseña actual</translation>
    </message>
    <message>
        <location filename="../../ui/signin/change_password_dialog.py" line="67"/>
        <source>Sign &amp;out</source>
        <translation>Cerrar &amp;sesión</translation>
    </message>
    <message>
        <location filename="../../ui/signin/change_password_dialog.py" line="68"/>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <location filename="../../ui/signin/change_password_dialog.py" line="71"/>
        <source>Change &amp;password</source>
        <translation>Cambiar la &amp;contraseña</translation>
    </message>
    <message>
        <location filename="../../ui/signin/change_password_dialog.py" line="87"/>
        <source>Enter your current password.</source>
        <translation>Escriba su contraseña actual.</translation>
    </message>
</context>
<context>
    <name>CheckPage</name>
    <message>
        <location filename="../../ui/export/check_page.py" line="40"/>
        <source>Check before upload</source>
        <translation>Comprobar antes de subir</translation>
    </message>
    <message>
        <location filename="../../ui/export/check_page.py" line="44"/>
        <source>File checked</source>
        <translation>Archivo comprobado</translation>
    </message>
    <message>
        <location filename="../../ui/export/check_page.py" line="49"/>
        <source>Check result</source>
        <translation>Resultado de la comprobación</translation>
    </message>
    <message>
        <location filename="../../ui/export/check_page.py" line="56"/>
        <source>Problems found</source>
        <translation>Problemas encontrados</translation>
    </message>
    <message>
        <location filename="../../ui/export/check_page.py" line="73"/>
        <source>Selected problem</source>
        <translation>Problema seleccionado</translation>
    </message>
    <message>
        <location filename="../../ui/export/check_page.py" line="79"/>
        <source>Errors stop an import: fix them before uploading. Warnings are HUD data-quality flags the CoC&apos;s reports will show. Rows count the header as row 1, as a spreadsheet does.</source>
        <translation>Los errores impiden la importación: corríjalos antes de subir el archivo. Las advertencias son avisos de calidad de datos de HUD que aparecerán en los informes del CoC. Las filas cuentan el encabezado como fila 1, igual que una hoja de cálculo.</translation>
    </message>
    <message>
        <location filename="../../ui/export/check_page.py" line="83"/>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <location filename="../../ui/export/check_page.py" line="84"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location filename="../../ui/export/check_page.py" line="85"/>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <location filename="../../ui/export/check_page.py" line="86"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../ui/export/check_page.py" line="96"/>
        <source>Checking {file}…</source>
        <translation>Comprobando {file}…</translation>
    </message>
    <message>
        <location filename="../../ui/export/check_page.py" line="109"/>
        <source>No problems found: the file is ready to upload.</source>
        <translation>No se encontraron problemas: el archivo está listo para subir.</translation>
    </message>
    <message>
        <location filename="../../ui/export/check_page.py" line="111"/>
        <source>No errors: the file is ready to upload. {w} warning(s) are data-quality flags the CoC will see.</source>
        <translation>Sin errores: el archivo está listo para subir. {w} advertencia(s) son avisos de calidad de datos que verá el CoC.</translation>
    </message>
    <message>
        <location filename="../../ui/export/check_page.py" line="114"/>
        <source>{e} error(s) and {w} warning(s): an HMIS would refuse this file. Fix the errors and export again.</source>
        <translation>{e} error(es) y {w} advertencia(s): un HMIS rechazaría este archivo. Corrija los errores y vuelva a exportar.</translation>
    </message>
</context>
<context>
    <name>CodeStep</name>
    <message>
        <location filename="../../ui/signin/code_step.py" line="48"/>
        <source>Checking the code…</source>
        <translation>Comprobando el código…</translation>
    </message>
    <message>
        <location filename="../../ui/signin/code_step.py" line="63"/>
        <source>No code was entered in time; sign in again.</source>
        <translation>No se escribió ningún código a tiempo; vuelva a iniciar sesión.</translation>
    </message>
</context>
<context>
    <name>ConnectionCard</name>
    <message>
        <location filename="../../ui/sync/overview_cards.py" line="53"/>
        <source>Central server</source>
        <translation>Servidor central</translation>
    </message>
    <message>
        <location filename="../../ui/sync/overview_cards.py" line="55"/>
        <source>Enrolled server</source>
        <translation>Servidor vinculado</translation>
    </message>
    <message>
        <location filename="../../ui/sync/overview_cards.py" line="60"/>
        <source>Enrollment details</source>
        <translation>Datos de la vinculación</translation>
    </message>
    <message>
        <location filename="../../ui/sync/overview_cards.py" line="64"/>
        <location filename="../../ui/sync/overview_cards.py" line="80"/>
        <source>&amp;Enroll this device…</source>
        <translation>&amp;Vincular este equipo…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/overview_cards.py" line="65"/>
        <source>Enroll this device</source>
        <translation>Vincular este equipo</translation>
    </message>
    <message>
        <location filename="../../ui/sync/overview_cards.py" line="75"/>
        <source>Not enrolled</source>
        <translation>Sin vincular</translation>
    </message>
    <message>
        <location filename="../../ui/sync/overview_cards.py" line="77"/>
        <source>This device is not paired with a central server yet, so nothing is sent.</source>
        <translation>Este equipo aún no está vinculado a un servidor central, así que no se envía nada.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/overview_cards.py" line="78"/>
        <source>Enroll it with a code from the server&apos;s administrator.</source>
        <translation>Vincúlelo con un código del administrador del servidor.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/overview_cards.py" line="79"/>
        <source>Ask an administrator to enroll it.</source>
        <translation>Pida a un administrador que lo vincule.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/overview_cards.py" line="83"/>
        <source>the OS keyring</source>
        <translation>el llavero del sistema</translation>
    </message>
    <message>
        <location filename="../../ui/sync/overview_cards.py" line="84"/>
        <source>the encrypted vault</source>
        <translation>la bóveda cifrada</translation>
    </message>
    <message>
        <location filename="../../ui/sync/overview_cards.py" line="85"/>
        <source>{agency} · enrolled {when} · credential kept in {where}</source>
        <translation>{agency} · vinculado el {when} · credencial guardada en {where}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/overview_cards.py" line="87"/>
        <source>&amp;Enroll again…</source>
        <translation>&amp;Vincular de nuevo…</translation>
    </message>
</context>
<context>
    <name>ConsentBanner</name>
    <message>
        <location filename="../../ui/profile/consent_banner.py" line="25"/>
        <source>Consent warning</source>
        <translation>Aviso sobre el consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/profile/consent_banner.py" line="27"/>
        <source>Record new &amp;consent…</source>
        <translation>Registrar nuevo c&amp;onsentimiento…</translation>
    </message>
    <message>
        <location filename="../../ui/profile/consent_banner.py" line="28"/>
        <source>Record a new consent</source>
        <translation>Registrar un nuevo consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/profile/consent_banner.py" line="42"/>
        <source>Consent was revoked on {date}.</source>
        <translation>El consentimiento se revocó el {date}.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/consent_banner.py" line="43"/>
        <source>The release of information expired on {date}.</source>
        <translation>La autorización para divulgar información venció el {date}.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/consent_banner.py" line="45"/>
        <source>The record is Not Shared; recording goes on.</source>
        <translation>El registro queda No compartido; se puede seguir registrando.</translation>
    </message>
</context>
<context>
    <name>ConsentPage</name>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="61"/>
        <source>&amp;Written</source>
        <translation>&amp;Escrito</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="62"/>
        <source>&amp;Verbal</source>
        <translation>&amp;Verbal</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="64"/>
        <source>Written consent</source>
        <translation>Consentimiento escrito</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="64"/>
        <source>Verbal consent</source>
        <translation>Consentimiento verbal</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="87"/>
        <source>Da&amp;te of consent</source>
        <translation>Fec&amp;ha del consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="103"/>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="114"/>
        <source>Consent text the client signs</source>
        <translation>Texto del consentimiento que firma el cliente</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="115"/>
        <source>The client&apos;s choices changed after they signed, so the signature was cleared: the client signs the text as it reads now.</source>
        <translation>Las decisiones del cliente cambiaron después de firmar, así que se borró la firma: el cliente firma el texto tal como dice ahora.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="122"/>
        <source>Client &amp;signature</source>
        <translation>&amp;Firma del cliente</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="122"/>
        <source>The client signed the paper &amp;form instead; I attest it</source>
        <translation>El cliente firmó el &amp;formulario en papel; lo certifico</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="123"/>
        <source>No touch screen or pen? The client signs the paper form and you tick the box below; nothing typed replaces a signature.</source>
        <translation>¿No hay pantalla táctil ni lápiz? El cliente firma el formulario en papel y usted marca la casilla de abajo; nada escrito a máquina sustituye una firma.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="147"/>
        <source>&amp;Reason written consent was not possible</source>
        <translation>&amp;Motivo por el que no fue posible el consentimiento escrito</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="148"/>
        <source>Reason written consent was not possible</source>
        <translation>Motivo por el que no fue posible el consentimiento escrito</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="149"/>
        <source>&amp;Witness</source>
        <translation>&amp;Testigo</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="149"/>
        <source>Witness</source>
        <translation>Testigo</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="88"/>
        <source>Consent date</source>
        <translation>Fecha del consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="150"/>
        <source>Ti&amp;me</source>
        <translation>Ho&amp;ra</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="150"/>
        <source>Consent time</source>
        <translation>Hora del consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="153"/>
        <source>This first contact is by p&amp;hone</source>
        <translation>Este primer contacto es por &amp;teléfono</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="154"/>
        <source>First contact by phone</source>
        <translation>Primer contacto por teléfono</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/consent_page.py" line="163"/>
        <location filename="../../ui/wizard/consent_page.py" line="168"/>
        <location filename="../../ui/wizard/consent_page.py" line="241"/>
        <source>the client</source>
        <translation>el cliente</translation>
    </message>
</context>
<context>
    <name>ContactDialog</name>
    <message>
        <location filename="../../ui/profile/contact_dialog.py" line="17"/>
        <source>Record contact</source>
        <translation>Registrar contacto</translation>
    </message>
    <message>
        <location filename="../../ui/profile/contact_dialog.py" line="18"/>
        <source>Record a contact (4.12 Current Living Situation)</source>
        <translation>Registrar un contacto (4.12 Situación de vivienda actual)</translation>
    </message>
    <message>
        <location filename="../../ui/profile/contact_dialog.py" line="21"/>
        <source>Choose…</source>
        <translation>Elija…</translation>
    </message>
    <message>
        <location filename="../../ui/profile/contact_dialog.py" line="24"/>
        <source>Contact &amp;date</source>
        <translation>&amp;Fecha del contacto</translation>
    </message>
    <message>
        <location filename="../../ui/profile/contact_dialog.py" line="24"/>
        <source>Contact date</source>
        <translation>Fecha del contacto</translation>
    </message>
    <message>
        <location filename="../../ui/profile/contact_dialog.py" line="25"/>
        <source>&amp;Living situation</source>
        <translation>Situación de &amp;vivienda</translation>
    </message>
    <message>
        <location filename="../../ui/profile/contact_dialog.py" line="26"/>
        <source>Current living situation</source>
        <translation>Situación de vivienda actual</translation>
    </message>
    <message>
        <location filename="../../ui/profile/contact_dialog.py" line="27"/>
        <source>L&amp;ocation details</source>
        <translation>Detalles del &amp;lugar</translation>
    </message>
    <message>
        <location filename="../../ui/profile/contact_dialog.py" line="28"/>
        <source>Location details</source>
        <translation>Detalles del lugar</translation>
    </message>
    <message>
        <location filename="../../ui/profile/contact_dialog.py" line="28"/>
        <source>Optional: where the client was met.</source>
        <translation>Opcional: dónde se encontró al cliente.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/contact_dialog.py" line="33"/>
        <source>Choose the living situation.</source>
        <translation>Elija la situación de vivienda.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/contact_dialog.py" line="36"/>
        <source>Contact saved; it is in the outbox.</source>
        <translation>Contacto guardado; está en la bandeja de salida.</translation>
    </message>
</context>
<context>
    <name>CoreText</name>
    <message>
        <location filename="../../ui/core_text.py" line="17"/>
        <source>Enter a name, or choose why it is missing.</source>
        <translation>Escriba un nombre o elija por qué falta.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="18"/>
        <source>Use at most 50 characters.</source>
        <translation>Use como máximo 50 caracteres.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="19"/>
        <source>Enter the SSN, or choose why it is missing.</source>
        <translation>Escriba el número de Seguro Social o elija por qué falta.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="20"/>
        <source>Enter the date of birth, or choose why it is missing.</source>
        <translation>Escriba la fecha de nacimiento o elija por qué falta.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="21"/>
        <source>This is not one of the answers HUD defines for this question.</source>
        <translation>Esta no es una de las respuestas que HUD define para esta pregunta.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="22"/>
        <source>Enter a real date as YYYY-MM-DD.</source>
        <translation>Escriba una fecha real como AAAA-MM-DD.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="23"/>
        <source>This date cannot be in the future.</source>
        <translation>Esta fecha no puede ser futura.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="24"/>
        <source>This is not in the expected form.</source>
        <translation>Esto no tiene la forma esperada.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="25"/>
        <source>Use digits only: all 9 digits, or the last 4.</source>
        <translation>Use solo dígitos: los 9 dígitos o los últimos 4.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="26"/>
        <source>The last 4 digits of an SSN are never 0000.</source>
        <translation>Los últimos 4 dígitos de un número de Seguro Social nunca son 0000.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="27"/>
        <source>No SSN starts with 000, 666 or 9; check the first 3 digits.</source>
        <translation>Ningún número de Seguro Social empieza por 000, 666 o 9; revise los 3 primeros dígitos.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="28"/>
        <source>The middle 2 digits of an SSN are never 00.</source>
        <translation>Los 2 dígitos centrales de un número de Seguro Social nunca son 00.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="29"/>
        <source>This is a placeholder number, not a real SSN.</source>
        <translation>Este es un número de ejemplo, no un número de Seguro Social real.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="30"/>
        <source>That date does not exist; check the month and day.</source>
        <translation>Esa fecha no existe; revise el mes y el día.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="31"/>
        <source>Write the date as YYYY-MM-DD or MM/DD/YYYY.</source>
        <translation>Escriba la fecha como AAAA-MM-DD o MM/DD/AAAA.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="32"/>
        <source>A date of birth cannot be in the future.</source>
        <translation>Una fecha de nacimiento no puede ser futura.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="33"/>
        <source>That record does not exist on this device.</source>
        <translation>Ese registro no existe en este dispositivo.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="34"/>
        <source>A date of birth must be in 1900 or later.</source>
        <translation>La fecha de nacimiento debe ser de 1900 o posterior.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="35"/>
        <source>That enrollment does not exist on this device.</source>
        <translation>Esa inscripción no existe en este dispositivo.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="36"/>
        <source>The contact date cannot be in the future.</source>
        <translation>La fecha del contacto no puede ser futura.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="37"/>
        <source>The service date cannot be in the future.</source>
        <translation>La fecha del servicio no puede ser futura.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="38"/>
        <source>The exit date cannot be in the future.</source>
        <translation>La fecha de salida no puede ser futura.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="39"/>
        <source>This device does not record that record type; record it in HMIS.</source>
        <translation>Este dispositivo no registra ese tipo de registro; regístrelo en HMIS.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="40"/>
        <source>This enrollment already has an exit.</source>
        <translation>Esta inscripción ya tiene una salida.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="42"/>
        <source>Identifying client-level data may not go to an outside entity without the CoC&apos;s approval; give its reference or export de-identified data.</source>
        <translation>Los datos identificativos a nivel de cliente no pueden entregarse a una entidad externa sin la aprobación de la CoC; indique su referencia o exporte datos desidentificados.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="44"/>
        <source>The report&apos;s end date is before its start date.</source>
        <translation>La fecha final del informe es anterior a su fecha inicial.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="45"/>
        <source>The report is written as CSV or PDF; end the file name with .csv or .pdf.</source>
        <translation>El informe se guarda como CSV o PDF; termine el nombre del archivo en .csv o .pdf.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="46"/>
        <source>The report path is a folder; give a file name such as report.csv.</source>
        <translation>La ruta del informe es una carpeta; indique un nombre de archivo como informe.csv.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="47"/>
        <source>The folder for the report does not exist.</source>
        <translation>La carpeta del informe no existe.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="48"/>
        <source>Describe the destination when it is “Other”.</source>
        <translation>Describa el destino cuando es «Otro».</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="49"/>
        <source>That consent does not exist on this device.</source>
        <translation>Ese consentimiento no existe en este dispositivo.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="50"/>
        <source>This consent was already revoked.</source>
        <translation>Este consentimiento ya fue revocado.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="51"/>
        <source>A refusal cannot be revoked; record a new consent if the client changed their mind.</source>
        <translation>Un rechazo no se puede revocar; registre un nuevo consentimiento si el cliente cambió de opinión.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="53"/>
        <source>A revocation cannot take effect in the future.</source>
        <translation>Una revocación no puede surtir efecto en el futuro.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="54"/>
        <source>Choose written, verbal or declined.</source>
        <translation>Elija por escrito, verbal o rechazado.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="55"/>
        <source>Choose Shared or Not Shared.</source>
        <translation>Elija Compartido o No compartido.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="56"/>
        <source>The signature is not a PNG image; capture it again.</source>
        <translation>La firma no es una imagen PNG; captúrela de nuevo.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="57"/>
        <source>That person does not exist on this device.</source>
        <translation>Esa persona no existe en este dispositivo.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="58"/>
        <source>Write the note before saving it.</source>
        <translation>Escriba la nota antes de guardarla.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="59"/>
        <source>Give the reason the note should be deleted.</source>
        <translation>Indique por qué se debe eliminar la nota.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="60"/>
        <source>The note being amended does not belong to this client.</source>
        <translation>La nota que se corrige no pertenece a este cliente.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="61"/>
        <source>This person has no consent in force.</source>
        <translation>Esta persona no tiene un consentimiento vigente.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="62"/>
        <source>A change of consent cannot take effect in the future.</source>
        <translation>Un cambio de consentimiento no puede surtir efecto en el futuro.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="63"/>
        <source>This person&apos;s information is already Not Shared.</source>
        <translation>La información de esta persona ya es No compartido.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="64"/>
        <source>The client&apos;s latest decision is a refusal; there is no consent to change.</source>
        <translation>La última decisión del cliente es un rechazo; no hay consentimiento que cambiar.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="65"/>
        <source>Give a quantity from 1 to 99.</source>
        <translation>Indique una cantidad de 1 a 99.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="66"/>
        <source>This agency does not list that service.</source>
        <translation>Esta agencia no ofrece ese servicio.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="67"/>
        <source>This project does not give that service; choose one from the list for this enrollment&apos;s project.</source>
        <translation>Este proyecto no da ese servicio; elija uno de la lista del proyecto de esta inscripción.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="69"/>
        <source>A name needs at least one letter.</source>
        <translation>Un nombre necesita al menos una letra.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="70"/>
        <source>The collection time cannot be in the future.</source>
        <translation>La hora de recopilación no puede ser futura.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="71"/>
        <source>Choose an answer; “Client doesn&apos;t know” and “Client prefers not to answer” are accepted.</source>
        <translation>Elija una respuesta; se aceptan «El cliente no sabe» y «El cliente prefiere no responder».</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="73"/>
        <source>This project does not exist on this device.</source>
        <translation>Este proyecto no existe en este dispositivo.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="74"/>
        <source>That person is not on this device.</source>
        <translation>Esa persona no está en este dispositivo.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="75"/>
        <source>The date of birth is after the project start.</source>
        <translation>La fecha de nacimiento es posterior al inicio en el proyecto.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="76"/>
        <source>Without the client&apos;s consent no data can be entered.</source>
        <translation>Sin el consentimiento del cliente no se pueden ingresar datos.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="77"/>
        <source>Enter the Continuum of Care code, such as NY-600; the project&apos;s CoC code fills it in when the project has one.</source>
        <translation>Escriba el código del Continuo de Atención, como NY-600; el código CoC del proyecto lo completa cuando el proyecto lo tiene.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="79"/>
        <source>Go through every point of the oral explanation with the client first.</source>
        <translation>Repase primero con el cliente cada punto de la explicación oral.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="80"/>
        <source>The consent date cannot be in the future.</source>
        <translation>La fecha del consentimiento no puede ser futura.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="81"/>
        <source>Sharing needs its own signed release of information.</source>
        <translation>Compartir necesita su propia autorización firmada para divulgar información.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="82"/>
        <source>Say with whom the information is shared.</source>
        <translation>Indique con quién se comparte la información.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="83"/>
        <source>The expiry date is before the signing date.</source>
        <translation>La fecha de vencimiento es anterior a la fecha de firma.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="84"/>
        <source>Tell the client when the release expires and record the date.</source>
        <translation>Diga al cliente cuándo vence la autorización y registre la fecha.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="85"/>
        <source>Capture the client&apos;s signature, or attest that they signed the paper form.</source>
        <translation>Capture la firma del cliente o declare que firmó el formulario en papel.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="86"/>
        <source>The client may be a victim of domestic violence: ask explicitly whether their information may be entered.</source>
        <translation>El cliente puede ser víctima de violencia doméstica: pregunte explícitamente si se puede ingresar su información.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="88"/>
        <source>The client may be a victim of domestic violence: ask explicitly whether their information may be shared.</source>
        <translation>El cliente puede ser víctima de violencia doméstica: pregunte explícitamente si se puede compartir su información.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="90"/>
        <source>This policy pack does not accept verbal consent.</source>
        <translation>Este paquete de políticas no acepta el consentimiento verbal.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="91"/>
        <source>Say why written consent was not possible.</source>
        <translation>Indique por qué no fue posible el consentimiento por escrito.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="92"/>
        <source>Verbal consent is accepted only when the first contact is by phone; get written consent.</source>
        <translation>El consentimiento verbal solo se acepta cuando el primer contacto es por teléfono; obtenga el consentimiento por escrito.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="94"/>
        <source>No consent is recorded for this client; record one before entering more data.</source>
        <translation>No hay consentimiento registrado para este cliente; registre uno antes de ingresar más datos.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="95"/>
        <source>The client declined consent, so no data can be entered; record a new consent if they change their mind.</source>
        <translation>El cliente rechazó el consentimiento, así que no se pueden ingresar datos; registre un nuevo consentimiento si cambia de opinión.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="97"/>
        <source>The household declined consent to share, so its record is locked Not Shared.</source>
        <translation>El hogar rechazó el consentimiento para compartir, así que su registro queda bloqueado como No compartido.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="98"/>
        <source>This client&apos;s releases of information cover other projects only; record a release for this project before entering data in it.</source>
        <translation>Las autorizaciones para divulgar información de este cliente cubren solo otros proyectos; registre una autorización para este proyecto antes de ingresar datos en él.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="100"/>
        <source>“Full SSN reported” needs all 9 digits; enter them, or choose “Approximate or partial SSN reported”.</source>
        <translation>«Número de Seguro Social completo informado» necesita los 9 dígitos; escríbalos o elija «Número de Seguro Social aproximado o parcial informado».</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="102"/>
        <source>An SSN was entered but its data quality says the client did not give one; clear the number or choose its data quality again.</source>
        <translation>Se escribió un número de Seguro Social, pero su calidad de datos dice que el cliente no lo dio; borre el número o vuelva a elegir su calidad de datos.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="104"/>
        <source>This user is already signed in on this device, in another window or a command; sign out there first, since one user may be signed in at one place at a time.</source>
        <translation>Este usuario ya ha iniciado sesión en este dispositivo, en otra ventana o en un comando; cierre la sesión allí primero, ya que un usuario solo puede tener la sesión iniciada en un lugar a la vez.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="112"/>
        <source>Only the HMIS Lead gives the {0} role ({1}): ask the HMIS Lead for a one-time grant code for this user and give it with the role.</source>
        <translation>Solo la agencia líder de HMIS otorga el rol {0} ({1}): pida a la agencia líder un código de un solo uso para este usuario y escríbalo con el rol.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="115"/>
        <source>The CoC approval reference must be up to {0} letters, digits, spaces and . _ / # : - characters.</source>
        <translation>La referencia de la aprobación de la CoC debe tener como máximo {0} letras, dígitos, espacios y caracteres . _ / # : -.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="118"/>
        <source>An SSN has 9 digits (this has {0}); or enter only the last 4.</source>
        <translation>Un número de Seguro Social tiene 9 dígitos (este tiene {0}); o escriba solo los últimos 4.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="119"/>
        <source>Use at most {0} characters.</source>
        <translation>Use como máximo {0} caracteres.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="121"/>
        <source>The contact date cannot be before the project start ({0}).</source>
        <translation>La fecha del contacto no puede ser anterior al inicio en el proyecto ({0}).</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="123"/>
        <source>The service date cannot be before the project start ({0}).</source>
        <translation>La fecha del servicio no puede ser anterior al inicio en el proyecto ({0}).</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="125"/>
        <source>The exit date cannot be before the project start ({0}).</source>
        <translation>La fecha de salida no puede ser anterior al inicio en el proyecto ({0}).</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="127"/>
        <source>The service date cannot be after the project exit ({0}).</source>
        <translation>La fecha del servicio no puede ser posterior a la salida del proyecto ({0}).</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="129"/>
        <source>A revocation cannot take effect before the consent was signed ({0}).</source>
        <translation>Una revocación no puede surtir efecto antes de la firma del consentimiento ({0}).</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="131"/>
        <source>A change of consent cannot take effect before it was signed ({0}).</source>
        <translation>Un cambio de consentimiento no puede surtir efecto antes de su firma ({0}).</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="133"/>
        <source>A household has exactly one head of household (this one has {0}).</source>
        <translation>Un hogar tiene exactamente un jefe de hogar (este tiene {0}).</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="135"/>
        <source>No release of information covers {0}; data for a day outside every release needs the HMIS helpdesk first.</source>
        <translation>Ninguna autorización para divulgar información cubre el {0}; los datos de un día fuera de toda autorización necesitan primero la mesa de ayuda de HMIS.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="138"/>
        <source>A person under {0} cannot give consent unless emancipated; a parent or legal guardian must sign.</source>
        <translation>Una persona menor de {0} años no puede dar su consentimiento salvo que esté emancipada; debe firmar un padre, una madre o un tutor legal.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="141"/>
        <source>Consent was revoked on {0}; record a new consent before entering more data.</source>
        <translation>El consentimiento se revocó el {0}; registre un nuevo consentimiento antes de ingresar más datos.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="143"/>
        <source>The release of information expired on {0}; record a new consent before entering more data.</source>
        <translation>La autorización para divulgar información venció el {0}; registre un nuevo consentimiento antes de ingresar más datos.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="146"/>
        <source>This program serves {0} clients, so records stay Not Shared.</source>
        <translation>Este programa atiende a clientes de {0}, así que los registros quedan como No compartido.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="148"/>
        <source>No release covers {0}, so that day&apos;s data is Not Shared.</source>
        <translation>Ninguna autorización cubre el {0}, así que los datos de ese día quedan como No compartido.</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="150"/>
        <source>The written consent signed {0} covers {1} (Shared).</source>
        <translation>El consentimiento por escrito firmado el {0} cubre el {1} (Compartido).</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="152"/>
        <source>The written consent signed {0} covers {1} (Not Shared).</source>
        <translation>El consentimiento por escrito firmado el {0} cubre el {1} (No compartido).</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="154"/>
        <source>The verbal consent signed {0} covers {1} (Shared).</source>
        <translation>El consentimiento verbal firmado el {0} cubre el {1} (Compartido).</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="156"/>
        <source>The verbal consent signed {0} covers {1} (Not Shared).</source>
        <translation>El consentimiento verbal firmado el {0} cubre el {1} (No compartido).</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="161"/>
        <source>Agency Administrator</source>
        <translation>Administrador de la agencia</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="162"/>
        <source>Agency Data Coordinator</source>
        <translation>Coordinador de datos de la agencia</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="163"/>
        <source>Agency Security Coordinator</source>
        <translation>Coordinador de seguridad de la agencia</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="164"/>
        <source>Agency Staff</source>
        <translation>Personal de la agencia</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="165"/>
        <source>Case Manager (full access)</source>
        <translation>Administrador de casos (acceso completo)</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="166"/>
        <source>Case Manager I</source>
        <translation>Administrador de casos I</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="167"/>
        <source>Case Manager II</source>
        <translation>Administrador de casos II</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="168"/>
        <source>Case Manager III</source>
        <translation>Administrador de casos III</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="169"/>
        <source>Case Manager</source>
        <translation>Administrador de casos</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="170"/>
        <source>Data Coordinator</source>
        <translation>Coordinador de datos</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="171"/>
        <source>HMIS Data Coordinator</source>
        <translation>Coordinador de datos de HMIS</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="172"/>
        <source>Reporting only</source>
        <translation>Solo informes</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="173"/>
        <source>System Operator</source>
        <translation>Operador del sistema</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="174"/>
        <source>View only</source>
        <translation>Solo consulta</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="175"/>
        <source>Volunteer or Intern</source>
        <translation>Voluntario o pasante</translation>
    </message>
    <message>
        <location filename="../../ui/core_text.py" line="176"/>
        <source>Volunteer</source>
        <translation>Voluntario</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../ui/profile/rights_actions.py" line="40"/>
        <source>Correction</source>
        <translation>Corrección</translation>
    </message>
    <message>
        <location filename="../../ui/profile/rights_actions.py" line="44"/>
        <source>The client says some information is wrong or missing</source>
        <translation>El cliente dice que hay información incorrecta o que falta</translation>
    </message>
    <message>
        <location filename="../../ui/profile/rights_actions.py" line="45"/>
        <source>The original stays as it was; the correction is shown beside it in the record copy and the history.</source>
        <translation>El original queda como estaba; la corrección se muestra a su lado en la copia del expediente y en el historial.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/rights_actions.py" line="50"/>
        <source>&amp;Information</source>
        <translation>&amp;Información</translation>
    </message>
    <message>
        <location filename="../../ui/profile/rights_actions.py" line="50"/>
        <source>Which information</source>
        <translation>Qué información</translation>
    </message>
    <message>
        <location filename="../../ui/profile/rights_actions.py" line="51"/>
        <source>For example: date of birth, last name, an enrollment.</source>
        <translation>Por ejemplo: fecha de nacimiento, apellido, una inscripción.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/rights_actions.py" line="53"/>
        <source>Inaccurate</source>
        <translation>Incorrecta</translation>
    </message>
    <message>
        <location filename="../../ui/profile/rights_actions.py" line="54"/>
        <source>Incomplete</source>
        <translation>Incompleta</translation>
    </message>
    <message>
        <location filename="../../ui/profile/rights_actions.py" line="55"/>
        <source>&amp;Marked as</source>
        <translation>&amp;Marcada como</translation>
    </message>
    <message>
        <location filename="../../ui/profile/rights_actions.py" line="55"/>
        <source>Marked as inaccurate or incomplete</source>
        <translation>Marcada como incorrecta o incompleta</translation>
    </message>
    <message>
        <location filename="../../ui/profile/rights_actions.py" line="57"/>
        <source>&amp;Accept: record what the client says</source>
        <translation>&amp;Aceptar: registrar lo que dice el cliente</translation>
    </message>
    <message>
        <location filename="../../ui/profile/rights_actions.py" line="58"/>
        <source>&amp;Deny, with the reason given to the client</source>
        <translation>&amp;Denegar, con el motivo que se le da al cliente</translation>
    </message>
    <message>
        <location filename="../../ui/profile/rights_actions.py" line="63"/>
        <source>The correct or missing information, or the reason for the denial</source>
        <translation>La información correcta o que falta, o el motivo de la denegación</translation>
    </message>
    <message>
        <location filename="../../ui/profile/rights_actions.py" line="71"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../ui/profile/rights_actions.py" line="71"/>
        <source>Cancel without recording</source>
        <translation>Cancelar sin registrar</translation>
    </message>
    <message>
        <location filename="../../ui/profile/rights_actions.py" line="71"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location filename="../../ui/profile/rights_actions.py" line="73"/>
        <source>Save the correction</source>
        <translation>Guardar la corrección</translation>
    </message>
    <message>
        <location filename="../../ui/profile/rights_actions.py" line="86"/>
        <source>Correction recorded; the original information is kept.</source>
        <translation>Corrección registrada; se conserva la información original.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/rights_actions.py" line="89"/>
        <source>Denial recorded with its reason.</source>
        <translation>Denegación registrada con su motivo.</translation>
    </message>
</context>
<context>
    <name>DeclinedPage</name>
    <message>
        <location filename="../../ui/wizard/declined_page.py" line="26"/>
        <source>The client declined consent. Nothing about them was recorded on this device, and nothing will be sent.</source>
        <translation>El cliente no dio su consentimiento. No se registró nada sobre esta persona en este equipo y no se enviará nada.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/declined_page.py" line="28"/>
        <location filename="../../ui/wizard/declined_page.py" line="38"/>
        <source>Nothing was recorded</source>
        <translation>No se registró nada</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/declined_page.py" line="31"/>
        <source>Press Finish to close the intake. If the client changes their mind, go Back and record their consent.</source>
        <translation>Pulse Terminar para cerrar la admisión. Si el cliente cambia de opinión, vuelva Atrás y registre su consentimiento.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/declined_page.py" line="45"/>
        <source>the client</source>
        <translation>el cliente</translation>
    </message>
</context>
<context>
    <name>DocumentActions</name>
    <message>
        <location filename="../../ui/documents/profile_actions.py" line="25"/>
        <source>&amp;Print and save</source>
        <translation>Im&amp;primir y guardar</translation>
    </message>
    <message>
        <location filename="../../ui/documents/profile_actions.py" line="26"/>
        <source>Print or save documents for this client</source>
        <translation>Imprimir o guardar documentos de este cliente</translation>
    </message>
    <message>
        <location filename="../../ui/documents/profile_actions.py" line="36"/>
        <source>Preview and print the &amp;consent form…</source>
        <translation>Vista previa e impresión del formulario de &amp;consentimiento…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/profile_actions.py" line="38"/>
        <source>&amp;Save the consent form as PDF…</source>
        <translation>&amp;Guardar el formulario de consentimiento como PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/profile_actions.py" line="40"/>
        <source>Save the &amp;revocation notice as PDF…</source>
        <translation>Guardar el aviso de &amp;revocación como PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/profile_actions.py" line="44"/>
        <source>Preview and print the client&apos;s &amp;record copy…</source>
        <translation>Vista previa e impresión de la copia del &amp;expediente…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/profile_actions.py" line="46"/>
        <source>Save the record &amp;copy as PDF…</source>
        <translation>Guardar la &amp;copia del expediente como PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/profile_actions.py" line="50"/>
        <source>Save a &amp;blank consent form as PDF…</source>
        <translation>Guardar un formulario de consentimiento en &amp;blanco como PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/profile_actions.py" line="112"/>
        <source>Preparing the document…</source>
        <translation>Preparando el documento…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/profile_actions.py" line="125"/>
        <source>A request from this client is overdue: it was due on {day}.</source>
        <translation>Una solicitud de este cliente está vencida: vencía el {day}.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/profile_actions.py" line="126"/>
        <source>A request from this client is due on {day}.</source>
        <translation>Una solicitud de este cliente vence el {day}.</translation>
    </message>
</context>
<context>
    <name>DocumentPrinter</name>
    <message>
        <location filename="../../ui/documents/printing.py" line="137"/>
        <source>Print preview</source>
        <translation>Vista previa de impresión</translation>
    </message>
    <message>
        <location filename="../../ui/documents/printing.py" line="156"/>
        <location filename="../../ui/documents/printing.py" line="159"/>
        <source>Zoom</source>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../../ui/documents/printing.py" line="162"/>
        <source>Page number</source>
        <translation>Número de página</translation>
    </message>
    <message>
        <location filename="../../ui/documents/printing.py" line="164"/>
        <location filename="../../ui/documents/printing.py" line="165"/>
        <source>Pages of the document</source>
        <translation>Páginas del documento</translation>
    </message>
    <message>
        <location filename="../../ui/documents/printing.py" line="179"/>
        <source>Sent to the printer.</source>
        <translation>Enviado a la impresora.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/printing.py" line="190"/>
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <location filename="../../ui/documents/printing.py" line="191"/>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/documents/printing.py" line="200"/>
        <source>Saved {name}.</source>
        <translation>Se guardó {name}.</translation>
    </message>
</context>
<context>
    <name>DraftsBar</name>
    <message>
        <location filename="../../ui/search/drafts_bar.py" line="33"/>
        <source>&amp;Resume unsaved form</source>
        <translation>&amp;Retomar el formulario sin guardar</translation>
    </message>
    <message>
        <location filename="../../ui/search/drafts_bar.py" line="34"/>
        <source>Resume unsaved form</source>
        <translation>Retomar el formulario sin guardar</translation>
    </message>
    <message>
        <location filename="../../ui/search/drafts_bar.py" line="37"/>
        <source>You have {n} unsaved intakes.</source>
        <translation>Tiene {n} admisiones sin guardar.</translation>
    </message>
    <message>
        <location filename="../../ui/search/drafts_bar.py" line="38"/>
        <source>You have an unsaved intake.</source>
        <translation>Tiene una admisión sin guardar.</translation>
    </message>
    <message>
        <location filename="../../ui/search/drafts_bar.py" line="40"/>
        <source>You have {n} unsaved new-person forms.</source>
        <translation>Tiene {n} formularios de persona nueva sin guardar.</translation>
    </message>
    <message>
        <location filename="../../ui/search/drafts_bar.py" line="41"/>
        <source>You have an unsaved new-person form.</source>
        <translation>Tiene un formulario de persona nueva sin guardar.</translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="53"/>
        <source>&amp;Person in this intake</source>
        <translation>&amp;Persona en esta admisión</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="54"/>
        <source>Person in this intake</source>
        <translation>Persona en esta admisión</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="58"/>
        <source>As typed in this intake</source>
        <translation>Tal como se escribió en esta admisión</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="65"/>
        <source>Possible matches on this device</source>
        <translation>Posibles coincidencias en este equipo</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="80"/>
        <source>&amp;Same person — use the existing record</source>
        <translation>&amp;Misma persona: usar el registro existente</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="81"/>
        <source>Same person, link to the existing record</source>
        <translation>Misma persona, vincular al registro existente</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="82"/>
        <source>Not the same — &amp;create a new record</source>
        <translation>No es la misma: &amp;crear un registro nuevo</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="83"/>
        <source>Not the same person, create a new record</source>
        <translation>No es la misma persona, crear un registro nuevo</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="98"/>
        <source>Duplicate check</source>
        <translation>Comprobación de duplicados</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="104"/>
        <location filename="../../ui/wizard/duplicates_page.py" line="168"/>
        <source>(no name)</source>
        <translation>(sin nombre)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="105"/>
        <source>Person {n}: {name}</source>
        <translation>Persona {n}: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="131"/>
        <source>Looking for this person on the device…</source>
        <translation>Buscando a esta persona en el dispositivo…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="168"/>
        <source>As typed</source>
        <translation>Tal como se escribió</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="169"/>
        <source>Date of birth: {d}</source>
        <translation>Fecha de nacimiento: {d}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="171"/>
        <source>SSN ends in {d}</source>
        <translation>El SSN termina en {d}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="181"/>
        <source>Linked to an existing record; no new person will be created.</source>
        <translation>Vinculado a un registro existente; no se creará una persona nueva.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="187"/>
        <source>This person may already be on this device. Compare the records, then choose “Same person” or “Not the same” before going on.</source>
        <translation>Puede que esta persona ya esté en este equipo. Compare los registros y elija «Misma persona» o «No es la misma» antes de seguir.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="191"/>
        <source>{n} possible match(es). Compare them with the client; a new record is created unless you choose “Same person”.</source>
        <translation>{n} posible(s) coincidencia(s). Compárelas con el cliente; se crea un registro nuevo salvo que elija «Misma persona».</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/duplicates_page.py" line="195"/>
        <source>No one on this device looks like this person; a new record will be created.</source>
        <translation>Nadie en este equipo se parece a esta persona; se creará un registro nuevo.</translation>
    </message>
</context>
<context>
    <name>EditPersonDialog</name>
    <message>
        <location filename="../../ui/profile/edit_person_dialog.py" line="53"/>
        <source>Edit details</source>
        <translation>Editar datos</translation>
    </message>
    <message>
        <location filename="../../ui/profile/edit_person_dialog.py" line="62"/>
        <source>Correct the client&apos;s details (3.01-3.03, 4.21, 1.8)</source>
        <translation>Corregir los datos del cliente (3.01-3.03, 4.21, 1.8)</translation>
    </message>
    <message>
        <location filename="../../ui/profile/edit_person_dialog.py" line="67"/>
        <source>&amp;First name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <location filename="../../ui/profile/edit_person_dialog.py" line="67"/>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../ui/profile/edit_person_dialog.py" line="68"/>
        <source>&amp;Middle name</source>
        <translation>Segundo no&amp;mbre</translation>
    </message>
    <message>
        <location filename="../../ui/profile/edit_person_dialog.py" line="68"/>
        <source>Middle name</source>
        <translation>Segundo nombre</translation>
    </message>
    <message>
        <location filename="../../ui/profile/edit_person_dialog.py" line="69"/>
        <source>&amp;Last name</source>
        <translation>&amp;Apellidos</translation>
    </message>
    <message>
        <location filename="../../ui/profile/edit_person_dialog.py" line="69"/>
        <source>Last name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <location filename="../../ui/profile/edit_person_dialog.py" line="70"/>
        <source>Name suffix</source>
        <translation>Sufijo del nombre</translation>
    </message>
    <message>
        <location filename="../../ui/profile/edit_person_dialog.py" line="70"/>
        <source>Suff&amp;ix</source>
        <translation>Su&amp;fijo</translation>
    </message>
    <message>
        <location filename="../../ui/profile/edit_person_dialog.py" line="76"/>
        <source>Name &amp;data quality</source>
        <translation>Calidad de los &amp;datos del nombre</translation>
    </message>
    <message>
        <location filename="../../ui/profile/edit_person_dialog.py" line="77"/>
        <source>Name data quality</source>
        <translation>Calidad de los datos del nombre</translation>
    </message>
    <message>
        <location filename="../../ui/profile/edit_person_dialog.py" line="87"/>
        <source>Show while pressed</source>
        <translation>Mostrar mientras se pulsa</translation>
    </message>
    <message>
        <location filename="../../ui/profile/edit_person_dialog.py" line="88"/>
        <source>Show the number while pressed</source>
        <translation>Mostrar el número mientras se pulsa</translation>
    </message>
    <message>
        <location filename="../../ui/profile/edit_person_dialog.py" line="93"/>
        <location filename="../../ui/profile/edit_person_dialog.py" line="95"/>
        <source>Social Security number</source>
        <translation>Número de Seguro Social</translation>
    </message>
    <message>
        <location filename="../../ui/profile/edit_person_dialog.py" line="93"/>
        <source>SS&amp;N</source>
        <translation>Número de &amp;Seguro Social</translation>
    </message>
    <message>
        <location filename="../../ui/profile/edit_person_dialog.py" line="94"/>
        <source>All 9 digits, or only the last 4.</source>
        <translation>Los 9 dígitos, o solo los últimos 4.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/edit_person_dialog.py" line="97"/>
        <source>SSN data &amp;quality</source>
        <translation>&amp;Calidad de los datos del número</translation>
    </message>
    <message>
        <location filename="../../ui/profile/edit_person_dialog.py" line="97"/>
        <source>SSN data quality</source>
        <translation>Calidad de los datos del número de Seguro Social</translation>
    </message>
    <message>
        <location filename="../../ui/profile/edit_person_dialog.py" line="102"/>
        <source>Date of &amp;birth</source>
        <translation>Fecha de nacimien&amp;to</translation>
    </message>
    <message>
        <location filename="../../ui/profile/edit_person_dialog.py" line="102"/>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <location filename="../../ui/profile/edit_person_dialog.py" line="103"/>
        <source>Date of birth data q&amp;uality</source>
        <translation>Calidad de los datos de la fec&amp;ha</translation>
    </message>
    <message>
        <location filename="../../ui/profile/edit_person_dialog.py" line="104"/>
        <source>Date of birth data quality</source>
        <translation>Calidad de los datos de la fecha de nacimiento</translation>
    </message>
    <message>
        <location filename="../../ui/profile/edit_person_dialog.py" line="105"/>
        <source>Se&amp;x</source>
        <translation>Se&amp;xo</translation>
    </message>
    <message>
        <location filename="../../ui/profile/edit_person_dialog.py" line="105"/>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <location filename="../../ui/profile/edit_person_dialog.py" line="106"/>
        <source>&amp;Veteran status</source>
        <translation>Condición de &amp;veterano</translation>
    </message>
    <message>
        <location filename="../../ui/profile/edit_person_dialog.py" line="106"/>
        <source>Veteran status</source>
        <translation>Condición de veterano</translation>
    </message>
    <message>
        <location filename="../../ui/profile/edit_person_dialog.py" line="111"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../ui/profile/edit_person_dialog.py" line="111"/>
        <source>Cancel without saving</source>
        <translation>Cancelar sin guardar</translation>
    </message>
    <message>
        <location filename="../../ui/profile/edit_person_dialog.py" line="111"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location filename="../../ui/profile/edit_person_dialog.py" line="127"/>
        <source>Not recorded</source>
        <translation>Sin registrar</translation>
    </message>
    <message>
        <location filename="../../ui/profile/edit_person_dialog.py" line="169"/>
        <source>Details corrected; the change is in the outbox.</source>
        <translation>Datos corregidos; el cambio está en la bandeja de salida.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/edit_person_dialog.py" line="170"/>
        <source>Nothing was changed.</source>
        <translation>No se cambió nada.</translation>
    </message>
</context>
<context>
    <name>EnrollDialog</name>
    <message>
        <location filename="../../ui/sync/enroll_dialog.py" line="66"/>
        <location filename="../../ui/sync/enroll_dialog.py" line="73"/>
        <location filename="../../ui/sync/enroll_dialog.py" line="157"/>
        <source>Enroll this device</source>
        <translation>Vincular este equipo</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enroll_dialog.py" line="75"/>
        <source>Pair this device with your agency&apos;s central server. The server&apos;s administrator gives you its address and a one-time enrollment code.</source>
        <translation>Vincule este equipo con el servidor central de su agencia. El administrador del servidor le da su dirección y un código de vinculación de un solo uso.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enroll_dialog.py" line="90"/>
        <source>&amp;Server address</source>
        <translation>&amp;Dirección del servidor</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enroll_dialog.py" line="90"/>
        <source>Server address</source>
        <translation>Dirección del servidor</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enroll_dialog.py" line="91"/>
        <source>Starts with https://; plain http only to this computer.</source>
        <translation>Empieza por https://; http sin cifrar solo hacia esta misma computadora.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enroll_dialog.py" line="92"/>
        <source>Enrollment &amp;code</source>
        <translation>&amp;Código de vinculación</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enroll_dialog.py" line="92"/>
        <source>Enrollment code</source>
        <translation>Código de vinculación</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enroll_dialog.py" line="93"/>
        <source>Works once, for 24 hours.</source>
        <translation>Sirve una sola vez, durante 24 horas.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enroll_dialog.py" line="95"/>
        <source>Only if the agency uses its own certificate authority</source>
        <translation>Solo si la agencia usa su propia autoridad de certificación</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enroll_dialog.py" line="96"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Examinar…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enroll_dialog.py" line="97"/>
        <source>Choose the CA certificate file</source>
        <translation>Elija el archivo del certificado de la CA</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enroll_dialog.py" line="103"/>
        <source>C&amp;A certificate</source>
        <translation>Certificado de la C&amp;A</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enroll_dialog.py" line="103"/>
        <location filename="../../ui/sync/enroll_dialog.py" line="106"/>
        <source>CA certificate file</source>
        <translation>Archivo del certificado de la CA</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enroll_dialog.py" line="104"/>
        <source>A PEM file; leave empty for a server with a public certificate.</source>
        <translation>Un archivo PEM; déjelo vacío si el servidor tiene un certificado público.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enroll_dialog.py" line="109"/>
        <source>Keep the device credential in</source>
        <translation>Guardar la credencial del equipo en</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enroll_dialog.py" line="116"/>
        <source>No OS keyring</source>
        <translation>Sin llavero del sistema</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enroll_dialog.py" line="118"/>
        <source>the OS &amp;keyring (recommended)</source>
        <translation>el &amp;llavero del sistema (recomendado)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enroll_dialog.py" line="119"/>
        <source>Keep the credential in the OS keyring</source>
        <translation>Guardar la credencial en el llavero del sistema</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enroll_dialog.py" line="120"/>
        <source>this device&apos;s encrypted &amp;vault</source>
        <translation>la &amp;bóveda cifrada de este equipo</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enroll_dialog.py" line="121"/>
        <source>Keep the credential in the encrypted vault</source>
        <translation>Guardar la credencial en la bóveda cifrada</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enroll_dialog.py" line="134"/>
        <source>This computer has no password store (keyring) that can keep the device&apos;s credential safely. You can keep the credential inside this device&apos;s encrypted vault instead: it is then as safe as the client records. Choose that below if your agency allows it.</source>
        <translation>Esta computadora no tiene un almacén de contraseñas (llavero) que pueda guardar con seguridad la credencial del equipo. Puede guardar la credencial dentro de la bóveda cifrada de este equipo: así queda tan protegida como los registros de los clientes. Elija esa opción abajo si su agencia lo permite.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enroll_dialog.py" line="138"/>
        <source>the OS keyring (not available here)</source>
        <translation>el llavero del sistema (no disponible aquí)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enroll_dialog.py" line="145"/>
        <source>Contacting the server…</source>
        <translation>Contactando con el servidor…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enroll_dialog.py" line="153"/>
        <location filename="../../ui/sync/enroll_dialog.py" line="154"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enroll_dialog.py" line="155"/>
        <source>&amp;Enroll</source>
        <translation>&amp;Vincular</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enroll_dialog.py" line="173"/>
        <source>CA certificate</source>
        <translation>Certificado de la CA</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enroll_dialog.py" line="174"/>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Certificados (*.pem *.crt *.cer);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enroll_dialog.py" line="191"/>
        <source>Enter the one-time code from the server&apos;s administrator.</source>
        <translation>Escriba el código de un solo uso del administrador del servidor.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enroll_dialog.py" line="198"/>
        <source>There is no file at this path.</source>
        <translation>No hay ningún archivo en esta ruta.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/enroll_dialog.py" line="204"/>
        <source>Choose where to keep the device credential.</source>
        <translation>Elija dónde guardar la credencial del equipo.</translation>
    </message>
</context>
<context>
    <name>ExitDialog</name>
    <message>
        <location filename="../../ui/profile/exit_dialog.py" line="22"/>
        <source>Record exit</source>
        <translation>Registrar salida</translation>
    </message>
    <message>
        <location filename="../../ui/profile/exit_dialog.py" line="23"/>
        <source>Record the exit from the project (3.11, 3.12)</source>
        <translation>Registrar la salida del proyecto (3.11, 3.12)</translation>
    </message>
    <message>
        <location filename="../../ui/profile/exit_dialog.py" line="25"/>
        <location filename="../../ui/profile/exit_dialog.py" line="26"/>
        <source>Choose…</source>
        <translation>Elija…</translation>
    </message>
    <message>
        <location filename="../../ui/profile/exit_dialog.py" line="29"/>
        <source>E&amp;xit date</source>
        <translation>Fecha de &amp;salida</translation>
    </message>
    <message>
        <location filename="../../ui/profile/exit_dialog.py" line="29"/>
        <source>Exit date</source>
        <translation>Fecha de salida</translation>
    </message>
    <message>
        <location filename="../../ui/profile/exit_dialog.py" line="30"/>
        <source>Des&amp;tination</source>
        <translation>Des&amp;tino</translation>
    </message>
    <message>
        <location filename="../../ui/profile/exit_dialog.py" line="30"/>
        <source>Destination</source>
        <translation>Destino</translation>
    </message>
    <message>
        <location filename="../../ui/profile/exit_dialog.py" line="31"/>
        <source>S&amp;ubsidy type</source>
        <translation>Tipo de s&amp;ubsidio</translation>
    </message>
    <message>
        <location filename="../../ui/profile/exit_dialog.py" line="32"/>
        <source>Rental subsidy type</source>
        <translation>Tipo de subsidio de alquiler</translation>
    </message>
    <message>
        <location filename="../../ui/profile/exit_dialog.py" line="33"/>
        <source>&amp;Other destination</source>
        <translation>&amp;Otro destino</translation>
    </message>
    <message>
        <location filename="../../ui/profile/exit_dialog.py" line="34"/>
        <source>Other destination</source>
        <translation>Otro destino</translation>
    </message>
    <message>
        <location filename="../../ui/profile/exit_dialog.py" line="47"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location filename="../../ui/profile/exit_dialog.py" line="61"/>
        <source>Choose the destination.</source>
        <translation>Elija el destino.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/exit_dialog.py" line="64"/>
        <source>Choose the subsidy type.</source>
        <translation>Elija el tipo de subsidio.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/exit_dialog.py" line="67"/>
        <source>&amp;Confirm exit</source>
        <translation>&amp;Confirmar salida</translation>
    </message>
    <message>
        <location filename="../../ui/profile/exit_dialog.py" line="68"/>
        <source>This closes the enrollment ({project}) with an exit on {date}. Press Confirm exit to record it, or Cancel.</source>
        <translation>Esto cierra la inscripción ({project}) con una salida el {date}. Pulse Confirmar salida para registrarla, o Cancelar.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/exit_dialog.py" line="73"/>
        <source>Exit saved; it is in the outbox.</source>
        <translation>Salida guardada; está en la bandeja de salida.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/export/export_dialog.py" line="144"/>
        <source>Export HMIS CSV</source>
        <translation>Exportar HMIS CSV</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialog.py" line="257"/>
        <source>The export was cancelled; no file was written.</source>
        <translation>Se canceló la exportación; no se escribió ningún archivo.</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialog.py" line="269"/>
        <source>Choose an HMIS CSV zip to check</source>
        <translation>Elija un zip de HMIS CSV para comprobar</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialog.py" line="272"/>
        <source>Zip files (*.zip)</source>
        <translation>Archivos zip (*.zip)</translation>
    </message>
</context>
<context>
    <name>FileRowsModel</name>
    <message>
        <location filename="../../ui/export/tables.py" line="32"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location filename="../../ui/export/tables.py" line="32"/>
        <source>Rows</source>
        <translation>Filas</translation>
    </message>
    <message>
        <location filename="../../ui/export/tables.py" line="66"/>
        <source>header only</source>
        <translation>sin filas</translation>
    </message>
    <message>
        <location filename="../../ui/export/tables.py" line="72"/>
        <source>{file}: {n} rows</source>
        <translation>{file}: {n} filas</translation>
    </message>
    <message>
        <location filename="../../ui/export/tables.py" line="73"/>
        <source>{file}: header only</source>
        <translation>{file}: sin filas</translation>
    </message>
</context>
<context>
    <name>FormStatus</name>
    <message>
        <location filename="../../ui/widgets/status.py" line="15"/>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/status.py" line="26"/>
        <source>Working</source>
        <translation>Procesando</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../ui/profile/history_tab.py" line="27"/>
        <source>Current living situation contacts (4.12)</source>
        <translation>Contactos de situación de vivienda actual (4.12)</translation>
    </message>
    <message>
        <location filename="../../ui/profile/history_tab.py" line="28"/>
        <location filename="../../ui/profile/history_tab.py" line="30"/>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location filename="../../ui/profile/history_tab.py" line="28"/>
        <source>Living situation</source>
        <translation>Situación de vivienda</translation>
    </message>
    <message>
        <location filename="../../ui/profile/history_tab.py" line="28"/>
        <source>Location</source>
        <translation>Lugar</translation>
    </message>
    <message>
        <location filename="../../ui/profile/history_tab.py" line="30"/>
        <source>Services</source>
        <translation>Servicios</translation>
    </message>
    <message>
        <location filename="../../ui/profile/history_tab.py" line="30"/>
        <source>Record type</source>
        <translation>Tipo de registro</translation>
    </message>
    <message>
        <location filename="../../ui/profile/history_tab.py" line="30"/>
        <source>Type of service</source>
        <translation>Tipo de servicio</translation>
    </message>
    <message>
        <location filename="../../ui/profile/history_tab.py" line="32"/>
        <source>The client has no open enrollment; contacts, services and exits are recorded against an open one.</source>
        <translation>El cliente no tiene una inscripción abierta; los contactos, servicios y salidas se registran en una inscripción abierta.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/history_tab.py" line="40"/>
        <source>Record con&amp;tact…</source>
        <translation>Registrar con&amp;tacto…</translation>
    </message>
    <message>
        <location filename="../../ui/profile/history_tab.py" line="40"/>
        <source>Record a contact</source>
        <translation>Registrar un contacto</translation>
    </message>
    <message>
        <location filename="../../ui/profile/history_tab.py" line="41"/>
        <source>Record ser&amp;vice…</source>
        <translation>Registrar ser&amp;vicio…</translation>
    </message>
    <message>
        <location filename="../../ui/profile/history_tab.py" line="41"/>
        <source>Record a service</source>
        <translation>Registrar un servicio</translation>
    </message>
    <message>
        <location filename="../../ui/profile/history_tab.py" line="42"/>
        <source>Record &amp;exit…</source>
        <translation>Registrar sa&amp;lida…</translation>
    </message>
    <message>
        <location filename="../../ui/profile/history_tab.py" line="42"/>
        <source>Record the exit</source>
        <translation>Registrar la salida</translation>
    </message>
    <message>
        <location filename="../../ui/profile/history_tab.py" line="62"/>
        <source>Agency service (not reported to HUD)</source>
        <translation>Servicio de la agencia (no se informa a HUD)</translation>
    </message>
    <message>
        <location filename="../../ui/profile/history_tab.py" line="72"/>
        <source>A new consent is needed first; this opens it.</source>
        <translation>Primero hace falta un nuevo consentimiento; esto lo abre.</translation>
    </message>
</context>
<context>
    <name>HmisIntake</name>
    <message>
        <location filename="../../ui/theme.py" line="128"/>
        <source>DEMO — made-up people only</source>
        <translation>DEMO — solo personas inventadas</translation>
    </message>
    <message>
        <location filename="../../ui/theme.py" line="129"/>
        <source>DEMO — every person here is made up. This practice vault is deleted when you quit.</source>
        <translation>DEMO — todas las personas de aquí son inventadas. Esta bóveda de práctica se borra al salir.</translation>
    </message>
    <message>
        <location filename="../../ui/theme.py" line="131"/>
        <source>Demo mode</source>
        <translation>Modo demo</translation>
    </message>
</context>
<context>
    <name>HouseholdModel</name>
    <message>
        <location filename="../../ui/wizard/household_model.py" line="36"/>
        <source>relationship not chosen yet</source>
        <translation>relación aún sin elegir</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/household_model.py" line="37"/>
        <source>name not typed yet</source>
        <translation>nombre aún sin escribir</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/household_model.py" line="38"/>
        <source>Person {n}</source>
        <translation>Persona {n}</translation>
    </message>
</context>
<context>
    <name>HouseholdPage</name>
    <message>
        <location filename="../../ui/wizard/household_page.py" line="39"/>
        <source>Add everyone entering the project together. Person 1 is usually the head of household.</source>
        <translation>Añada a todas las personas que entran juntas al proyecto. La persona 1 suele ser el jefe o jefa de hogar.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/household_page.py" line="45"/>
        <source>Household members</source>
        <translation>Miembros del hogar</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/household_page.py" line="49"/>
        <source>&amp;Add member</source>
        <translation>&amp;Añadir miembro</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/household_page.py" line="50"/>
        <source>Add household member</source>
        <translation>Añadir miembro del hogar</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/household_page.py" line="51"/>
        <source>Re&amp;move member</source>
        <translation>&amp;Quitar miembro</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/household_page.py" line="52"/>
        <source>Remove household member</source>
        <translation>Quitar miembro del hogar</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/household_page.py" line="65"/>
        <source>&amp;First name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/household_page.py" line="65"/>
        <source>Member&apos;s first name</source>
        <translation>Nombre del miembro</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/household_page.py" line="66"/>
        <source>&amp;Last name</source>
        <translation>&amp;Apellido</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/household_page.py" line="66"/>
        <source>Member&apos;s last name</source>
        <translation>Apellido del miembro</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/household_page.py" line="69"/>
        <source>Choose…</source>
        <translation>Elija…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/household_page.py" line="72"/>
        <source>&amp;Relationship to head of household</source>
        <translation>&amp;Relación con el jefe o jefa de hogar</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/household_page.py" line="73"/>
        <source>Relationship to head of household</source>
        <translation>Relación con el jefe o jefa de hogar</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/household_page.py" line="75"/>
        <source>This member gave their &amp;own consent, the same way as person 1</source>
        <translation>Este miembro dio su &amp;propio consentimiento, igual que la persona 1</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/household_page.py" line="76"/>
        <source>Member gave their own consent</source>
        <translation>El miembro dio su propio consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/household_page.py" line="80"/>
        <source>Same for the whole household</source>
        <translation>Igual para todo el hogar</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/household_page.py" line="82"/>
        <source>Project start date and CoC always start as person 1&apos;s. Ticked answers are copied from person 1 too; each member&apos;s page shows them and they can be changed.</source>
        <translation>La fecha de inicio en el proyecto y el CoC siempre empiezan como los de la persona 1. Las respuestas marcadas también se copian de la persona 1; la página de cada miembro las muestra y se pueden cambiar.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/household_page.py" line="86"/>
        <source>Last na&amp;me</source>
        <translation>A&amp;pellido</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/household_page.py" line="87"/>
        <source>Prior living &amp;situation (where they stayed last night)</source>
        <translation>&amp;Situación de vivienda anterior (dónde pasó la noche anterior)</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/household_page.py" line="105"/>
        <source>Household</source>
        <translation>Hogar</translation>
    </message>
</context>
<context>
    <name>HouseholdTab</name>
    <message>
        <location filename="../../ui/profile/household_tab.py" line="18"/>
        <source>Household members</source>
        <translation>Miembros del hogar</translation>
    </message>
    <message>
        <location filename="../../ui/profile/household_tab.py" line="18"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../ui/profile/household_tab.py" line="18"/>
        <source>Relationship to head of household</source>
        <translation>Relación con el jefe o jefa de hogar</translation>
    </message>
</context>
<context>
    <name>IntakeWizard</name>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="76"/>
        <source>New intake</source>
        <translation>Nueva admisión</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="140"/>
        <source>Steps</source>
        <translation>Pasos</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/step_list.py" line="28"/>
        <source>Intake steps</source>
        <translation>Pasos de la admisión</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/step_list.py" line="31"/>
        <source>Click a step already done to go back to it.</source>
        <translation>Haga clic en un paso ya hecho para volver a él.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="151"/>
        <source>This intake was kept when it was interrupted; nothing typed was lost.</source>
        <translation>Esta admisión se conservó al interrumpirse; no se perdió nada de lo escrito.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_stack.py" line="64"/>
        <source>Step content</source>
        <translation>Contenido del paso</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/page_stack.py" line="65"/>
        <source>Scroll with the arrow and Page keys.</source>
        <translation>Desplácese con las teclas de flecha y de página.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="169"/>
        <source>D&amp;iscard intake</source>
        <translation>&amp;Descartar admisión</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="170"/>
        <location filename="../../ui/wizard/intake_wizard.py" line="498"/>
        <source>Discard intake</source>
        <translation>Descartar admisión</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="171"/>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="172"/>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="173"/>
        <location filename="../../ui/wizard/intake_wizard.py" line="291"/>
        <source>&amp;Next</source>
        <translation>&amp;Siguiente</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="175"/>
        <location filename="../../ui/wizard/intake_wizard.py" line="292"/>
        <source>Next</source>
        <translation>Siguiente</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="215"/>
        <source>Intake saved</source>
        <translation>Admisión guardada</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="221"/>
        <source>Open &amp;profile</source>
        <translation>Abrir &amp;perfil</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="222"/>
        <source>Open the client&apos;s profile</source>
        <translation>Abrir el perfil del cliente</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="223"/>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="224"/>
        <source>Close the intake</source>
        <translation>Cerrar la admisión</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/step_list.py" line="62"/>
        <source>Project</source>
        <translation>Proyecto</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/step_list.py" line="63"/>
        <source>Oral explanation</source>
        <translation>Explicación oral</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/step_list.py" line="64"/>
        <source>Consent choices</source>
        <translation>Decisiones del cliente</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/step_list.py" line="65"/>
        <source>Consent and signature</source>
        <translation>Consentimiento y firma</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/step_list.py" line="66"/>
        <source>Nothing was recorded</source>
        <translation>No se registró nada</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/step_list.py" line="67"/>
        <source>Household</source>
        <translation>Hogar</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/step_list.py" line="68"/>
        <source>Duplicate check</source>
        <translation>Comprobación de duplicados</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/step_list.py" line="69"/>
        <source>Review and save</source>
        <translation>Revisar y guardar</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/step_list.py" line="59"/>
        <source>Person {n} details</source>
        <translation>Datos de la persona {n}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/step_list.py" line="42"/>
        <source>Done; choose it to go back</source>
        <translation>Hecho; elíjalo para volver</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/step_list.py" line="50"/>
        <source>Current step</source>
        <translation>Paso actual</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="285"/>
        <source>&amp;Save intake</source>
        <translation>&amp;Guardar admisión</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="286"/>
        <source>Save intake</source>
        <translation>Guardar admisión</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="288"/>
        <source>&amp;Finish</source>
        <translation>&amp;Terminar</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="289"/>
        <source>Finish: close the intake, nothing recorded</source>
        <translation>Terminar: cerrar la admisión sin registrar nada</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="313"/>
        <source>1 answer needs attention; it is selected.</source>
        <translation>1 respuesta necesita atención; está seleccionada.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="314"/>
        <source>{n} answers need attention; the first is selected.</source>
        <translation>{n} respuestas necesitan atención; la primera está seleccionada.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="425"/>
        <source>1 person was saved.</source>
        <translation>Se guardó 1 persona.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="426"/>
        <source>{n} people were saved.</source>
        <translation>Se guardaron {n} personas.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="427"/>
        <source>The records are in the outbox and will sync when the device is online.</source>
        <translation>Los registros están en la bandeja de salida y se sincronizarán cuando el equipo tenga conexión.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/intake_wizard.py" line="499"/>
        <source>Discard this intake? Nothing of it has been saved, and it will not be kept.</source>
        <translation>¿Descartar esta admisión? No se ha guardado nada de ella y no se conservará.</translation>
    </message>
</context>
<context>
    <name>LanguageSelector</name>
    <message>
        <location filename="../../ui/widgets/language_selector.py" line="40"/>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/language_selector.py" line="41"/>
        <source>Interface language</source>
        <translation>Idioma de la interfaz</translation>
    </message>
</context>
<context>
    <name>LockController</name>
    <message>
        <location filename="../../ui/lock.py" line="117"/>
        <source>&amp;Lock now</source>
        <translation>&amp;Bloquear ahora</translation>
    </message>
</context>
<context>
    <name>MainMenus</name>
    <message>
        <location filename="../../ui/search/main_menus.py" line="84"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_menus.py" line="85"/>
        <source>&amp;New person…</source>
        <translation>&amp;Nueva persona…</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_menus.py" line="86"/>
        <source>New &amp;intake…</source>
        <translation>Nueva a&amp;dmisión…</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_menus.py" line="87"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_menus.py" line="88"/>
        <source>&amp;Tools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_menus.py" line="89"/>
        <source>&amp;Export HMIS CSV…</source>
        <translation>&amp;Exportar HMIS CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_menus.py" line="90"/>
        <source>&amp;Sync…</source>
        <translation>&amp;Sincronizar…</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_menus.py" line="91"/>
        <source>&amp;Projects…</source>
        <translation>&amp;Proyectos…</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_menus.py" line="92"/>
        <source>&amp;Blank consent form…</source>
        <translation>Formulario de consentimiento en &amp;blanco…</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_menus.py" line="93"/>
        <source>Aggregate &amp;report…</source>
        <translation>Informe a&amp;gregado…</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_menus.py" line="94"/>
        <source>&amp;Settings</source>
        <translation>&amp;Configuración</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_menus.py" line="95"/>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_menus.py" line="96"/>
        <source>&amp;Users…</source>
        <translation>&amp;Usuarios…</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_menus.py" line="97"/>
        <source>&amp;Device settings…</source>
        <translation>&amp;Ajustes del dispositivo…</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_menus.py" line="98"/>
        <source>Set up &amp;two-step sign-in…</source>
        <translation>Configurar la verificación en &amp;dos pasos…</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_menus.py" line="99"/>
        <source>&amp;Copy name</source>
        <translation>&amp;Copiar nombre</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/search/main_window.py" line="225"/>
        <source>Find a person</source>
        <translation>Buscar una persona</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="226"/>
        <source>&amp;New person…</source>
        <translation>&amp;Nueva persona…</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="227"/>
        <source>New person</source>
        <translation>Nueva persona</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="228"/>
        <source>Lock</source>
        <translation>Bloquear</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="229"/>
        <source>Lock now</source>
        <translation>Bloquear ahora</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="230"/>
        <source>Lock now (Ctrl+L)</source>
        <translation>Bloquear ahora (Ctrl+L)</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="231"/>
        <source>&amp;My clients</source>
        <translation>&amp;Mis clientes</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="232"/>
        <source>My clients and what is due this week</source>
        <translation>Mis clientes y lo que vence esta semana</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="233"/>
        <source>New &amp;intake…</source>
        <translation>Nueva a&amp;dmisión…</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="234"/>
        <source>New intake</source>
        <translation>Nueva admisión</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="235"/>
        <source>New intake (Ctrl+I)</source>
        <translation>Nueva admisión (Ctrl+I)</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="236"/>
        <source>&amp;Search by name, date of birth or last 4 of SSN</source>
        <translation>&amp;Buscar por nombre, fecha de nacimiento o últimos 4 del SSN</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="237"/>
        <source>e.g. Juniper, 1985-03-14, 03/14/1985 or 4321</source>
        <translation>p. ej. Juniper, 1985-03-14, 03/14/1985 o 4321</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="238"/>
        <source>Search people</source>
        <translation>Buscar personas</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="539"/>
        <source>Language changed. The intake or profile already open stays in its language until you close it and open it again.</source>
        <translation>Idioma cambiado. La admisión o el perfil que ya está abierto sigue en su idioma hasta que lo cierre y lo vuelva a abrir.</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="542"/>
        <source>Language changed.</source>
        <translation>Idioma cambiado.</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="239"/>
        <source>Search results</source>
        <translation>Resultados de la búsqueda</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="240"/>
        <source>Type in the search box to find people on this device.</source>
        <translation>Escriba en el cuadro de búsqueda para encontrar personas en este equipo.</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="244"/>
        <source>Signed in as {name} · {role}</source>
        <translation>Sesión de {name} · {role}</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="311"/>
        <source>No one on this device matches.</source>
        <translation>Nadie en este equipo coincide.</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="313"/>
        <source>Showing the first {n}; type more to narrow it down.</source>
        <translation>Se muestran los primeros {n}; escriba más para acotar.</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="316"/>
        <source>{n} found</source>
        <translation>{n} encontrados</translation>
    </message>
    <message>
        <location filename="../../ui/search/main_window.py" line="317"/>
        <source>1 found</source>
        <translation>1 encontrado</translation>
    </message>
</context>
<context>
    <name>MemberPage</name>
    <message>
        <location filename="../../ui/wizard/member_page.py" line="19"/>
        <source>Every question accepts “Client doesn&apos;t know” and “Client prefers not to answer”. Questions appear and disappear as answers change.</source>
        <translation>Todas las preguntas aceptan «El cliente no sabe» y «El cliente prefiere no responder». Las preguntas aparecen y desaparecen según las respuestas.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/member_page.py" line="32"/>
        <source>Person {n} details</source>
        <translation>Datos de la persona {n}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/member_page.py" line="49"/>
        <source>Person {n} of {m}</source>
        <translation>Persona {n} de {m}</translation>
    </message>
</context>
<context>
    <name>MethodPanel</name>
    <message>
        <location filename="../../ui/profile/consent_method.py" line="37"/>
        <source>&amp;Written</source>
        <translation>&amp;Escrito</translation>
    </message>
    <message>
        <location filename="../../ui/profile/consent_method.py" line="37"/>
        <source>&amp;Verbal</source>
        <translation>&amp;Verbal</translation>
    </message>
    <message>
        <location filename="../../ui/profile/consent_method.py" line="38"/>
        <source>&amp;Declined</source>
        <translation>&amp;Rechazado</translation>
    </message>
    <message>
        <location filename="../../ui/profile/consent_method.py" line="39"/>
        <source>Written consent</source>
        <translation>Consentimiento escrito</translation>
    </message>
    <message>
        <location filename="../../ui/profile/consent_method.py" line="39"/>
        <source>Verbal consent</source>
        <translation>Consentimiento verbal</translation>
    </message>
    <message>
        <location filename="../../ui/profile/consent_method.py" line="40"/>
        <source>Client declined consent</source>
        <translation>El cliente rechazó el consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/profile/consent_method.py" line="56"/>
        <source>Written consent text</source>
        <translation>Texto del consentimiento escrito</translation>
    </message>
    <message>
        <location filename="../../ui/profile/consent_method.py" line="58"/>
        <source>Client si&amp;gnature</source>
        <translation>&amp;Firma del cliente</translation>
    </message>
    <message>
        <location filename="../../ui/profile/consent_method.py" line="59"/>
        <source>The client signed the paper &amp;form instead; I attest it</source>
        <translation>El cliente firmó el formulario en &amp;papel; lo certifico</translation>
    </message>
    <message>
        <location filename="../../ui/profile/consent_method.py" line="72"/>
        <source>Verbal consent text</source>
        <translation>Texto del consentimiento verbal</translation>
    </message>
    <message>
        <location filename="../../ui/profile/consent_method.py" line="80"/>
        <source>&amp;Reason written consent was not possible</source>
        <translation>Por qué no fue &amp;posible el consentimiento escrito</translation>
    </message>
    <message>
        <location filename="../../ui/profile/consent_method.py" line="81"/>
        <source>Reason written consent was not possible</source>
        <translation>Motivo por el que no fue posible el consentimiento escrito</translation>
    </message>
    <message>
        <location filename="../../ui/profile/consent_method.py" line="82"/>
        <source>Wi&amp;tness</source>
        <translation>&amp;Testigo</translation>
    </message>
    <message>
        <location filename="../../ui/profile/consent_method.py" line="82"/>
        <source>Witness</source>
        <translation>Testigo</translation>
    </message>
    <message>
        <location filename="../../ui/profile/consent_method.py" line="85"/>
        <source>This first contact is by &amp;phone</source>
        <translation>Este primer contacto es por telé&amp;fono</translation>
    </message>
    <message>
        <location filename="../../ui/profile/consent_method.py" line="86"/>
        <source>First contact by phone</source>
        <translation>Primer contacto por teléfono</translation>
    </message>
</context>
<context>
    <name>MyClientsDialog</name>
    <message>
        <location filename="../../ui/search/my_clients.py" line="25"/>
        <location filename="../../ui/search/my_clients.py" line="28"/>
        <source>My clients</source>
        <translation>Mis clientes</translation>
    </message>
    <message>
        <location filename="../../ui/search/my_clients.py" line="31"/>
        <source>People you enrolled, contacted or served on this device.</source>
        <translation>Personas que usted inscribió, contactó o atendió en este dispositivo.</translation>
    </message>
    <message>
        <location filename="../../ui/search/my_clients.py" line="32"/>
        <location filename="../../ui/search/my_clients.py" line="36"/>
        <source>Due this week</source>
        <translation>Vence esta semana</translation>
    </message>
    <message>
        <location filename="../../ui/search/my_clients.py" line="38"/>
        <source>&amp;Clients</source>
        <translation>&amp;Clientes</translation>
    </message>
    <message>
        <location filename="../../ui/search/my_clients.py" line="39"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../ui/search/my_clients.py" line="39"/>
        <source>Age</source>
        <translation>Edad</translation>
    </message>
    <message>
        <location filename="../../ui/search/my_clients.py" line="39"/>
        <source>Last contact</source>
        <translation>Último contacto</translation>
    </message>
    <message>
        <location filename="../../ui/search/my_clients.py" line="39"/>
        <source>Project</source>
        <translation>Proyecto</translation>
    </message>
    <message>
        <location filename="../../ui/search/my_clients.py" line="39"/>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/search/my_clients.py" line="40"/>
        <source>Consent ends</source>
        <translation>Fin del consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/search/my_clients.py" line="40"/>
        <source>Follow-up due</source>
        <translation>Seguimiento pendiente</translation>
    </message>
    <message>
        <location filename="../../ui/search/my_clients.py" line="44"/>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <location filename="../../ui/search/my_clients.py" line="52"/>
        <source>Current</source>
        <translation>Vigente</translation>
    </message>
    <message>
        <location filename="../../ui/search/my_clients.py" line="52"/>
        <source>Expired</source>
        <translation>Vencido</translation>
    </message>
    <message>
        <location filename="../../ui/search/my_clients.py" line="52"/>
        <source>Revoked</source>
        <translation>Revocado</translation>
    </message>
    <message>
        <location filename="../../ui/search/my_clients.py" line="53"/>
        <source>Declined</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <location filename="../../ui/search/my_clients.py" line="53"/>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <location filename="../../ui/search/my_clients.py" line="68"/>
        <source>Consent ends {d}</source>
        <translation>El consentimiento termina el {d}</translation>
    </message>
    <message>
        <location filename="../../ui/search/my_clients.py" line="69"/>
        <source>Follow-up due {d}</source>
        <translation>Seguimiento pendiente el {d}</translation>
    </message>
    <message>
        <location filename="../../ui/search/my_clients.py" line="71"/>
        <source>Nothing due in the next seven days.</source>
        <translation>Nada vence en los próximos siete días.</translation>
    </message>
</context>
<context>
    <name>NewPasswordFields</name>
    <message>
        <location filename="../../ui/signin/new_password.py" line="28"/>
        <source>&amp;New password</source>
        <translation>&amp;Nueva contraseña</translation>
    </message>
    <message>
        <location filename="../../ui/signin/new_password.py" line="29"/>
        <source>New password</source>
        <translation>Nueva contraseña</translation>
    </message>
    <message>
        <location filename="../../ui/signin/new_password.py" line="30"/>
        <source>Con&amp;firm new password</source>
        <translation>Con&amp;firmar la nueva contraseña</translation>
    </message>
    <message>
        <location filename="../../ui/signin/new_password.py" line="31"/>
        <source>Confirm new password</source>
        <translation>Confirmar la nueva contraseña</translation>
    </message>
    <message>
        <location filename="../../ui/signin/new_password.py" line="44"/>
        <source>Type the new password again.</source>
        <translation>Escriba la nueva contraseña otra vez.</translation>
    </message>
    <message>
        <location filename="../../ui/signin/new_password.py" line="46"/>
        <source>The two passwords are not the same.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <location filename="../../ui/profile/notes_tab.py" line="39"/>
        <source>Case notes cannot be changed or deleted. Correct a note with an amendment.</source>
        <translation>Las notas del caso no se pueden cambiar ni borrar. Corrija una nota con una enmienda.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/notes_tab.py" line="41"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location filename="../../ui/profile/notes_tab.py" line="42"/>
        <source>Written</source>
        <translation>Escrito</translation>
    </message>
    <message>
        <location filename="../../ui/profile/notes_tab.py" line="42"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location filename="../../ui/profile/notes_tab.py" line="42"/>
        <source>By</source>
        <translation>Autor</translation>
    </message>
    <message>
        <location filename="../../ui/profile/notes_tab.py" line="43"/>
        <source>Amends</source>
        <translation>Enmienda a</translation>
    </message>
    <message>
        <location filename="../../ui/profile/notes_tab.py" line="43"/>
        <source>Deletion</source>
        <translation>Eliminación</translation>
    </message>
    <message>
        <location filename="../../ui/profile/notes_tab.py" line="48"/>
        <source>New note</source>
        <translation>Nota nueva</translation>
    </message>
    <message>
        <location filename="../../ui/profile/notes_tab.py" line="53"/>
        <source>&amp;Add note</source>
        <translation>&amp;Añadir nota</translation>
    </message>
    <message>
        <location filename="../../ui/profile/notes_tab.py" line="54"/>
        <source>Add note</source>
        <translation>Añadir nota</translation>
    </message>
    <message>
        <location filename="../../ui/profile/notes_tab.py" line="55"/>
        <source>A&amp;mend selected note</source>
        <translation>&amp;Enmendar la nota seleccionada</translation>
    </message>
    <message>
        <location filename="../../ui/profile/notes_tab.py" line="56"/>
        <source>Amend selected note</source>
        <translation>Enmendar la nota seleccionada</translation>
    </message>
    <message>
        <location filename="../../ui/profile/notes_tab.py" line="66"/>
        <source>Reason for the deletion request</source>
        <translation>Motivo de la solicitud de borrado</translation>
    </message>
    <message>
        <location filename="../../ui/profile/notes_tab.py" line="67"/>
        <source>Reason the selected note should be deleted</source>
        <translation>Motivo por el que se debe borrar la nota seleccionada</translation>
    </message>
    <message>
        <location filename="../../ui/profile/notes_tab.py" line="68"/>
        <source>Request &amp;deletion</source>
        <translation>Solicitar &amp;borrado</translation>
    </message>
    <message>
        <location filename="../../ui/profile/notes_tab.py" line="69"/>
        <source>Request deletion of the selected note</source>
        <translation>Solicitar el borrado de la nota seleccionada</translation>
    </message>
    <message>
        <location filename="../../ui/profile/notes_tab.py" line="82"/>
        <source>Requested</source>
        <translation>Solicitada</translation>
    </message>
    <message>
        <location filename="../../ui/profile/notes_tab.py" line="99"/>
        <source>Select the note to amend first.</source>
        <translation>Primero seleccione la nota que quiere enmendar.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/notes_tab.py" line="107"/>
        <source>Amendment saved.</source>
        <translation>Enmienda guardada.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/notes_tab.py" line="107"/>
        <source>Note saved.</source>
        <translation>Nota guardada.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/notes_tab.py" line="115"/>
        <source>Select the note first.</source>
        <translation>Primero seleccione la nota.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/notes_tab.py" line="123"/>
        <source>Deletion request recorded for the help desk; the note stays until it is handled.</source>
        <translation>Solicitud de borrado registrada para la mesa de ayuda; la nota se mantiene hasta que se resuelva.</translation>
    </message>
</context>
<context>
    <name>OptionsPage</name>
    <message>
        <location filename="../../ui/export/options_page.py" line="107"/>
        <source>Export HMIS CSV</source>
        <translation>Exportar HMIS CSV</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="111"/>
        <source>A HUD HMIS CSV (FY2026) zip of this device&apos;s records, for import into the CoC&apos;s HMIS or for a data warehouse.</source>
        <translation>Un zip HMIS CSV de HUD (FY2026) con los registros de este equipo, para importarlo en el HMIS del CoC o en un almacén de datos.</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="114"/>
        <source>Notice</source>
        <translation>Aviso</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="133"/>
        <source>Export options</source>
        <translation>Opciones de la exportación</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="156"/>
        <source>&amp;Start date</source>
        <translation>Fecha de &amp;inicio</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="157"/>
        <source>Use a start date</source>
        <translation>Usar una fecha de inicio</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="158"/>
        <source>Start date</source>
        <translation>Fecha de inicio</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="160"/>
        <source>End date</source>
        <translation>Fecha de fin</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="161"/>
        <source>E&amp;nd date</source>
        <translation>Fecha de &amp;fin</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="171"/>
        <source>Period</source>
        <translation>Período</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="174"/>
        <source>Without a start date the export begins with the earliest entry on this device. Both days are included.</source>
        <translation>Sin fecha de inicio, la exportación empieza por el registro más antiguo de este equipo. Ambos días se incluyen.</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="179"/>
        <source>&amp;Full refresh: everything active in the period</source>
        <translation>&amp;Actualización completa: todo lo activo en el período</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="180"/>
        <source>Full refresh</source>
        <translation>Actualización completa</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="181"/>
        <source>&amp;Delta: only records created or changed in the period</source>
        <translation>&amp;Delta: solo los registros creados o cambiados en el período</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="182"/>
        <source>Delta, changes since the start date</source>
        <translation>Delta, cambios desde la fecha de inicio</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="191"/>
        <source>Records</source>
        <translation>Registros</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="194"/>
        <source>A delta needs a start date; the receiving HMIS adds it to what it already holds.</source>
        <translation>Un delta necesita fecha de inicio; el HMIS que lo recibe lo añade a lo que ya tiene.</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="208"/>
        <source>Projects to export</source>
        <translation>Proyectos que exportar</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="213"/>
        <source>Select &amp;all</source>
        <translation>Seleccionar &amp;todos</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="214"/>
        <source>Select all projects</source>
        <translation>Seleccionar todos los proyectos</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="215"/>
        <source>Select n&amp;one</source>
        <translation>Seleccionar &amp;ninguno</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="216"/>
        <source>Select no project</source>
        <translation>No seleccionar ningún proyecto</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="225"/>
        <source>&amp;Projects</source>
        <translation>&amp;Proyectos</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="234"/>
        <source>&amp;Hash personal identifiers (HashStatus 4) for a data warehouse</source>
        <translation>Aplicar &amp;hash a los identificadores personales (HashStatus 4) para un almacén de datos</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="235"/>
        <source>Hash personal identifiers, HashStatus 4</source>
        <translation>Aplicar hash a los identificadores personales, HashStatus 4</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="237"/>
        <source>Names become a one-way code and an SSN keeps only its last four digits, so a warehouse can match people across agencies without seeing who they are. Dates of birth stay as they are. Leave this off for an import into the CoC&apos;s HMIS.</source>
        <translation>Los nombres se convierten en un código irreversible y del SSN solo quedan los últimos cuatro dígitos, así un almacén de datos puede relacionar a las personas entre agencias sin ver quiénes son. Las fechas de nacimiento no cambian. Déjelo sin marcar para importar en el HMIS del CoC.</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="241"/>
        <source>Identifiers</source>
        <translation>Identificadores</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="252"/>
        <source>File for</source>
        <translation>Archivo para</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="258"/>
        <source>Choose where to save the zip</source>
        <translation>Elija dónde guardar el zip</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="259"/>
        <source>File to save the export to</source>
        <translation>Archivo donde guardar la exportación</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="260"/>
        <source>&amp;Choose…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="261"/>
        <source>Choose where to save the export</source>
        <translation>Elegir dónde guardar la exportación</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="265"/>
        <source>Sa&amp;ve to</source>
        <translation>&amp;Guardar en</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="268"/>
        <source>Use a name without personal data, as suggested (MO-TX-1). Unless hashed, the zip holds personal data: keep it on encrypted storage and send it only over an encrypted channel.</source>
        <translation>Use un nombre sin datos personales, como el sugerido (MO-TX-1). Si no se aplica hash, el zip contiene datos personales: guárdelo en un almacenamiento cifrado y envíelo solo por un canal cifrado.</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="275"/>
        <source>Chec&amp;k a file…</source>
        <translation>Co&amp;mprobar un archivo…</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="276"/>
        <source>Check an export file before upload</source>
        <translation>Comprobar un archivo de exportación antes de subirlo</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="277"/>
        <source>Check any HMIS CSV zip, from this device or elsewhere</source>
        <translation>Comprobar cualquier zip HMIS CSV, de este equipo o de otro</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="278"/>
        <location filename="../../ui/export/options_page.py" line="279"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="280"/>
        <source>&amp;Export</source>
        <translation>E&amp;xportar</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="281"/>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="324"/>
        <source>Save the HMIS CSV export</source>
        <translation>Guardar la exportación HMIS CSV</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="327"/>
        <source>Zip files (*.zip)</source>
        <translation>Archivos zip (*.zip)</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="352"/>
        <source>Choose where to save the export.</source>
        <translation>Elija dónde guardar la exportación.</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="356"/>
        <source>Give the whole path of the file, or use Choose…</source>
        <translation>Escriba la ruta completa del archivo o use Elegir…</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="366"/>
        <source>A file of that name is already there; pick it with Choose… to replace it, or give another name.</source>
        <translation>Ya existe un archivo con ese nombre; selecciónelo con Elegir… para reemplazarlo, o escriba otro nombre.</translation>
    </message>
    <message>
        <location filename="../../ui/export/options_page.py" line="392"/>
        <source>Choose at least one project.</source>
        <translation>Elija al menos un proyecto.</translation>
    </message>
</context>
<context>
    <name>OutboxCard</name>
    <message>
        <location filename="../../ui/sync/overview_cards.py" line="97"/>
        <source>Outbox</source>
        <translation>Bandeja de salida</translation>
    </message>
    <message>
        <location filename="../../ui/sync/overview_cards.py" line="106"/>
        <source>Waiting to send</source>
        <translation>Pendientes de envío</translation>
    </message>
    <message>
        <location filename="../../ui/sync/overview_cards.py" line="107"/>
        <source>Oldest waiting</source>
        <translation>El más antiguo</translation>
    </message>
    <message>
        <location filename="../../ui/sync/overview_cards.py" line="108"/>
        <source>Left in the window</source>
        <translation>Tiempo restante</translation>
    </message>
    <message>
        <location filename="../../ui/sync/overview_cards.py" line="109"/>
        <source>Refused by the server</source>
        <translation>Rechazados por el servidor</translation>
    </message>
    <message>
        <location filename="../../ui/sync/overview_cards.py" line="134"/>
        <source>{age} since collection</source>
        <translation>{age} desde la recopilación</translation>
    </message>
    <message>
        <location filename="../../ui/sync/overview_cards.py" line="137"/>
        <source>missed by {h}</source>
        <translation>vencido hace {h}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/overview_cards.py" line="143"/>
        <source>Each record has {w} hours from collection to reach the central HMIS; the ones closest to their deadline are sent first.</source>
        <translation>Cada registro tiene {w} horas desde su recopilación para llegar al HMIS central; se envían primero los más cercanos a su plazo.</translation>
    </message>
</context>
<context>
    <name>OutboxStatusView</name>
    <message>
        <location filename="../../ui/search/outbox_status.py" line="87"/>
        <source>Outbox: nothing waiting to sync</source>
        <translation>Bandeja de salida: nada pendiente de sincronizar</translation>
    </message>
    <message>
        <location filename="../../ui/search/outbox_status.py" line="89"/>
        <source>Outbox: {n} waiting · oldest {h:.0f} h of the {w} h window</source>
        <translation>Bandeja de salida: {n} pendientes · el más antiguo {h:.0f} h de un plazo de {w} h</translation>
    </message>
    <message>
        <location filename="../../ui/search/outbox_status.py" line="92"/>
        <source> · {n} overdue</source>
        <translation> · {n} vencidos</translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <location filename="../../ui/profile/overview_tab.py" line="29"/>
        <source>Enrollments</source>
        <translation>Inscripciones</translation>
    </message>
    <message>
        <location filename="../../ui/profile/overview_tab.py" line="30"/>
        <source>Project</source>
        <translation>Proyecto</translation>
    </message>
    <message>
        <location filename="../../ui/profile/overview_tab.py" line="30"/>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <location filename="../../ui/profile/overview_tab.py" line="30"/>
        <source>Relationship</source>
        <translation>Relación</translation>
    </message>
    <message>
        <location filename="../../ui/profile/overview_tab.py" line="30"/>
        <source>Exit</source>
        <translation>Salida</translation>
    </message>
    <message>
        <location filename="../../ui/profile/overview_tab.py" line="30"/>
        <source>Destination</source>
        <translation>Destino</translation>
    </message>
    <message>
        <location filename="../../ui/profile/overview_tab.py" line="40"/>
        <source>Consents</source>
        <translation>Consentimientos</translation>
    </message>
    <message>
        <location filename="../../ui/profile/overview_tab.py" line="41"/>
        <source>Method</source>
        <translation>Forma</translation>
    </message>
    <message>
        <location filename="../../ui/profile/overview_tab.py" line="41"/>
        <source>Sharing</source>
        <translation>Compartir</translation>
    </message>
    <message>
        <location filename="../../ui/profile/overview_tab.py" line="41"/>
        <source>Signed</source>
        <translation>Firmado</translation>
    </message>
    <message>
        <location filename="../../ui/profile/overview_tab.py" line="41"/>
        <source>Expires</source>
        <translation>Vence</translation>
    </message>
    <message>
        <location filename="../../ui/profile/overview_tab.py" line="41"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../ui/profile/overview_tab.py" line="42"/>
        <source>Covers</source>
        <translation>Cubre</translation>
    </message>
    <message>
        <location filename="../../ui/profile/overview_tab.py" line="45"/>
        <source>&amp;Revoke selected consent…</source>
        <translation>Re&amp;vocar el consentimiento seleccionado…</translation>
    </message>
    <message>
        <location filename="../../ui/profile/overview_tab.py" line="46"/>
        <source>Revoke the selected consent</source>
        <translation>Revocar el consentimiento seleccionado</translation>
    </message>
    <message>
        <location filename="../../ui/profile/overview_tab.py" line="47"/>
        <source>Record ne&amp;w consent…</source>
        <translation>Registrar n&amp;uevo consentimiento…</translation>
    </message>
    <message>
        <location filename="../../ui/profile/overview_tab.py" line="48"/>
        <source>Record a new consent</source>
        <translation>Registrar un nuevo consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/profile/overview_tab.py" line="49"/>
        <source>Stop sharin&amp;g…</source>
        <translation>De&amp;jar de compartir…</translation>
    </message>
    <message>
        <location filename="../../ui/profile/overview_tab.py" line="50"/>
        <source>Stop sharing the client&apos;s information</source>
        <translation>Dejar de compartir la información del cliente</translation>
    </message>
    <message>
        <location filename="../../ui/profile/overview_tab.py" line="68"/>
        <source>Written</source>
        <translation>Escrito</translation>
    </message>
    <message>
        <location filename="../../ui/profile/overview_tab.py" line="68"/>
        <source>Verbal</source>
        <translation>Verbal</translation>
    </message>
    <message>
        <location filename="../../ui/profile/overview_tab.py" line="68"/>
        <location filename="../../ui/profile/overview_tab.py" line="86"/>
        <source>Declined</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <location filename="../../ui/profile/overview_tab.py" line="69"/>
        <source>Shared</source>
        <translation>Compartido</translation>
    </message>
    <message>
        <location filename="../../ui/profile/overview_tab.py" line="69"/>
        <source>Not Shared</source>
        <translation>No compartido</translation>
    </message>
    <message>
        <location filename="../../ui/profile/overview_tab.py" line="73"/>
        <source>Every project</source>
        <translation>Todos los proyectos</translation>
    </message>
    <message>
        <location filename="../../ui/profile/overview_tab.py" line="84"/>
        <source>Revoked from {date}</source>
        <translation>Revocado desde el {date}</translation>
    </message>
    <message>
        <location filename="../../ui/profile/overview_tab.py" line="85"/>
        <source>Current</source>
        <translation>Vigente</translation>
    </message>
    <message>
        <location filename="../../ui/profile/overview_tab.py" line="85"/>
        <source>Expired</source>
        <translation>Vencido</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <location filename="../../ui/search/people_model.py" line="29"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../ui/search/people_model.py" line="30"/>
        <source>Date of birth</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <location filename="../../ui/search/people_model.py" line="31"/>
        <source>SSN</source>
        <translation>SSN</translation>
    </message>
    <message>
        <location filename="../../ui/search/people_model.py" line="32"/>
        <source>Age</source>
        <translation>Edad</translation>
    </message>
    <message>
        <location filename="../../ui/search/people_model.py" line="33"/>
        <source>Last contact</source>
        <translation>Último contacto</translation>
    </message>
</context>
<context>
    <name>ProblemsModel</name>
    <message>
        <location filename="../../ui/export/tables.py" line="83"/>
        <source>Severity</source>
        <translation>Gravedad</translation>
    </message>
    <message>
        <location filename="../../ui/export/tables.py" line="83"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location filename="../../ui/export/tables.py" line="83"/>
        <source>Row</source>
        <translation>Fila</translation>
    </message>
    <message>
        <location filename="../../ui/export/tables.py" line="83"/>
        <source>Column</source>
        <translation>Columna</translation>
    </message>
    <message>
        <location filename="../../ui/export/tables.py" line="83"/>
        <source>Why</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location filename="../../ui/export/tables.py" line="111"/>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../ui/export/tables.py" line="111"/>
        <source>Warning</source>
        <translation>Advertencia</translation>
    </message>
    <message>
        <location filename="../../ui/export/tables.py" line="113"/>
        <source>(the zip)</source>
        <translation>(el zip)</translation>
    </message>
    <message>
        <location filename="../../ui/export/tables.py" line="143"/>
        <source>, row {row}</source>
        <translation>, fila {row}</translation>
    </message>
    <message>
        <location filename="../../ui/export/tables.py" line="145"/>
        <source>, column {column}</source>
        <translation>, columna {column}</translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <location filename="../../ui/profile/common.py" line="71"/>
        <source>Enter a real date as YYYY-MM-DD.</source>
        <translation>Escriba una fecha real como YYYY-MM-DD.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/common.py" line="97"/>
        <source>No consent is recorded for this client. Record one before entering more data.</source>
        <translation>No hay consentimiento registrado para este cliente. Registre uno antes de ingresar más datos.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/common.py" line="99"/>
        <source>Consent was revoked on {date}. Record a new consent before entering more data.</source>
        <translation>El consentimiento se revocó el {date}. Registre un nuevo consentimiento antes de ingresar más datos.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/common.py" line="101"/>
        <source>The release of information expired on {date}. Record a new consent before entering more data.</source>
        <translation>La autorización para divulgar información venció el {date}. Registre un nuevo consentimiento antes de ingresar más datos.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/common.py" line="103"/>
        <source>The client declined consent, so no data can be entered. Record a new consent if they change their mind.</source>
        <translation>El cliente rechazó el consentimiento, así que no se pueden ingresar datos. Registre un nuevo consentimiento si cambia de opinión.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/common.py" line="105"/>
        <source>This client&apos;s releases of information cover other projects only. Record a release for this project before entering data in it.</source>
        <translation>Las autorizaciones para divulgar información de este cliente cubren solo otros proyectos. Registre una autorización para este proyecto antes de ingresar datos en él.</translation>
    </message>
</context>
<context>
    <name>ProfileWindow</name>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="69"/>
        <source>Client profile</source>
        <translation>Perfil del cliente</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="155"/>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="171"/>
        <source>C&amp;lose</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="213"/>
        <source>The client has an open enrollment; record its exit first.</source>
        <translation>El cliente tiene una inscripción abierta; registre primero su salida.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="276"/>
        <source>Ask a colleague who may record consent.</source>
        <translation>Pida ayuda a un colega que pueda registrar el consentimiento.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="172"/>
        <source>Close the profile</source>
        <translation>Cerrar el perfil</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="110"/>
        <source>Ed&amp;it details…</source>
        <translation>Ed&amp;itar datos…</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="111"/>
        <source>Edit the client&apos;s details</source>
        <translation>Editar los datos del cliente</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="117"/>
        <source>Ret&amp;urn: new enrollment…</source>
        <translation>Re&amp;greso: nueva inscripción…</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="118"/>
        <source>Start a new enrollment for this client and household</source>
        <translation>Iniciar una nueva inscripción para este cliente y su hogar</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="130"/>
        <source>Profile sections</source>
        <translation>Secciones del perfil</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="140"/>
        <source>&amp;Overview</source>
        <translation>&amp;Resumen</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="144"/>
        <source>&amp;Household</source>
        <translation>&amp;Hogar</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="147"/>
        <source>Contacts and &amp;services</source>
        <translation>Contactos y &amp;servicios</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="150"/>
        <source>Case &amp;notes</source>
        <translation>&amp;Notas del caso</translation>
    </message>
    <message>
        <location filename="../../ui/profile/profile_window.py" line="207"/>
        <source>Date of birth: {d}</source>
        <translation>Fecha de nacimiento: {d}</translation>
    </message>
</context>
<context>
    <name>ProjectForm</name>
    <message>
        <location filename="../../ui/projects/project_form.py" line="117"/>
        <source>Program</source>
        <translation>Programa</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="118"/>
        <source>Where (2.03)</source>
        <translation>Dónde (2.03)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="119"/>
        <source>HMIS participation and funding (2.06, 2.08)</source>
        <translation>Participación en HMIS y financiación (2.06, 2.08)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="120"/>
        <source>Beds and units (2.07)</source>
        <translation>Camas y unidades (2.07)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="122"/>
        <source>HUD project &amp;type</source>
        <translation>&amp;Tipo de proyecto HUD</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="122"/>
        <source>HUD project type</source>
        <translation>Tipo de proyecto HUD</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="123"/>
        <source>Populations</source>
        <translation>Poblaciones</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="123"/>
        <source>Populations served</source>
        <translation>Poblaciones atendidas</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="124"/>
        <source>The policy pack keeps these programs&apos; records Not Shared.</source>
        <translation>El paquete de políticas mantiene los registros de estos programas como No compartidos.</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="125"/>
        <source>Operating since</source>
        <translation>En funcionamiento desde</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="125"/>
        <source>Operating start date</source>
        <translation>Fecha de inicio de funcionamiento</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="126"/>
        <source>Target population</source>
        <translation>Población destinataria</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="127"/>
        <source>Housing type</source>
        <translation>Tipo de vivienda</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="128"/>
        <source>RRH subtype</source>
        <translation>Subtipo de RRH</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="128"/>
        <source>Rapid re-housing subtype</source>
        <translation>Subtipo de realojamiento rápido</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="129"/>
        <source>Residential affiliation</source>
        <translation>Afiliación residencial</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="130"/>
        <source>Affiliated with</source>
        <translation>Afiliado con</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="130"/>
        <source>Affiliated residential projects</source>
        <translation>Proyectos residenciales afiliados</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="131"/>
        <source>The residential projects whose residents this project serves.</source>
        <translation>Los proyectos residenciales cuyos residentes atiende este proyecto.</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="132"/>
        <source>CoC code</source>
        <translation>Código del CoC</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="132"/>
        <source>Such as VT-500.</source>
        <translation>Por ejemplo, VT-500.</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="133"/>
        <source>Geocode</source>
        <translation>Geocódigo</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="134"/>
        <source>The six-digit HUD geocode of the project&apos;s main location.</source>
        <translation>El geocódigo HUD de seis dígitos del lugar principal del proyecto.</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="135"/>
        <source>Geography</source>
        <translation>Geografía</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="135"/>
        <source>Geography type</source>
        <translation>Tipo de geografía</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="136"/>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="136"/>
        <source>Street address</source>
        <translation>Dirección postal</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="137"/>
        <source>City</source>
        <translation>Ciudad</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="138"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="138"/>
        <source>Two letters, such as VT.</source>
        <translation>Dos letras, por ejemplo VT.</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="139"/>
        <source>ZIP code</source>
        <translation>Código postal</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="140"/>
        <source>HMIS participation</source>
        <translation>Participación en HMIS</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="141"/>
        <source>Funder</source>
        <translation>Financiador</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="142"/>
        <source>Other funder</source>
        <translation>Otro financiador</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="142"/>
        <source>Other funder&apos;s name</source>
        <translation>Nombre del otro financiador</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="143"/>
        <source>Grant ID</source>
        <translation>ID de la subvención</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="143"/>
        <source>Grant identifier</source>
        <translation>Identificador de la subvención</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="144"/>
        <source>Grant start</source>
        <translation>Inicio de la subvención</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="144"/>
        <source>Grant start date</source>
        <translation>Fecha de inicio de la subvención</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="145"/>
        <source>Household type</source>
        <translation>Tipo de hogar</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="146"/>
        <source>Units</source>
        <translation>Unidades</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="146"/>
        <source>Number of units</source>
        <translation>Número de unidades</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="147"/>
        <source>Beds</source>
        <translation>Camas</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="147"/>
        <source>Number of beds</source>
        <translation>Número de camas</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="148"/>
        <source>Inventory since</source>
        <translation>Inventario desde</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="148"/>
        <source>Inventory start date</source>
        <translation>Fecha de inicio del inventario</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="149"/>
        <source>Availability</source>
        <translation>Disponibilidad</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="150"/>
        <source>Bed type</source>
        <translation>Tipo de cama</translation>
    </message>
    <message>
        <location filename="../../ui/projects/project_form.py" line="168"/>
        <source>YYYY-MM-DD</source>
        <translation>AAAA-MM-DD</translation>
    </message>
</context>
<context>
    <name>ProjectLabels</name>
    <message>
        <location filename="../../ui/projects/labels.py" line="15"/>
        <source>Street Outreach</source>
        <translation>Alcance en la calle</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="16"/>
        <source>Emergency Shelter – Entry Exit</source>
        <translation>Refugio de emergencia – entrada y salida</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="17"/>
        <source>Emergency Shelter – Night-by-Night</source>
        <translation>Refugio de emergencia – noche a noche</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="18"/>
        <source>Transitional Housing</source>
        <translation>Vivienda de transición</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="19"/>
        <source>Safe Haven</source>
        <translation>Refugio seguro (Safe Haven)</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="20"/>
        <source>PH – Permanent Supportive Housing</source>
        <translation>VP – Vivienda permanente con apoyo</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="21"/>
        <source>PH – Housing Only</source>
        <translation>VP – Solo vivienda</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="22"/>
        <source>PH – Housing with Services</source>
        <translation>VP – Vivienda con servicios</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="23"/>
        <source>PH – Rapid Re-Housing</source>
        <translation>VP – Realojamiento rápido</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="24"/>
        <source>Services Only</source>
        <translation>Solo servicios</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="25"/>
        <source>Day Shelter</source>
        <translation>Centro de día</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="26"/>
        <source>Homelessness Prevention</source>
        <translation>Prevención de la falta de vivienda</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="27"/>
        <source>Coordinated Entry</source>
        <translation>Entrada coordinada</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="28"/>
        <location filename="../../ui/projects/labels.py" line="105"/>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="34"/>
        <location filename="../../ui/projects/labels.py" line="60"/>
        <source>Survivors of domestic violence</source>
        <translation>Sobrevivientes de violencia doméstica</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="35"/>
        <location filename="../../ui/projects/labels.py" line="61"/>
        <source>People living with HIV/AIDS</source>
        <translation>Personas con VIH/sida</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="36"/>
        <source>Youth services</source>
        <translation>Servicios para jóvenes</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="37"/>
        <source>Legal services</source>
        <translation>Servicios legales</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="38"/>
        <source>Protected project</source>
        <translation>Proyecto protegido</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="47"/>
        <source>Site-based – single site</source>
        <translation>En un sitio – un solo lugar</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="48"/>
        <source>Site-based – clustered / multiple sites</source>
        <translation>En un sitio – agrupado / varios lugares</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="49"/>
        <source>Tenant-based – scattered site</source>
        <translation>Basado en el inquilino – lugares dispersos</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="52"/>
        <source>Services only</source>
        <translation>Solo servicios</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="53"/>
        <source>Housing with or without services</source>
        <translation>Vivienda con o sin servicios</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="56"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="57"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="62"/>
        <source>Not applicable</source>
        <translation>No corresponde</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="65"/>
        <source>Urban</source>
        <translation>Urbana</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="66"/>
        <source>Suburban</source>
        <translation>Suburbana</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="67"/>
        <source>Rural</source>
        <translation>Rural</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="68"/>
        <source>Unknown</source>
        <translation>Desconocida</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="71"/>
        <source>HMIS participating</source>
        <translation>Participa en HMIS</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="72"/>
        <source>Comparable database participating</source>
        <translation>Participa con una base de datos comparable</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="73"/>
        <source>Not participating</source>
        <translation>No participa</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="76"/>
        <source>HUD: ESG – Emergency Shelter</source>
        <translation>HUD: ESG – Refugio de emergencia</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="77"/>
        <source>HUD: ESG – Street Outreach</source>
        <translation>HUD: ESG – Alcance en la calle</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="78"/>
        <source>HUD: ESG – Rapid Rehousing</source>
        <translation>HUD: ESG – Realojamiento rápido</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="79"/>
        <source>HUD: ESG – Homelessness Prevention</source>
        <translation>HUD: ESG – Prevención de la falta de vivienda</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="80"/>
        <source>HUD: CoC – Permanent Supportive Housing</source>
        <translation>HUD: CoC – Vivienda permanente con apoyo</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="81"/>
        <source>HUD: CoC – Rapid Re-Housing</source>
        <translation>HUD: CoC – Realojamiento rápido</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="82"/>
        <source>HUD: CoC – Supportive Services Only</source>
        <translation>HUD: CoC – Solo servicios de apoyo</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="83"/>
        <source>HUD: CoC – Transitional Housing</source>
        <translation>HUD: CoC – Vivienda de transición</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="84"/>
        <source>HUD: CoC – Safe Haven</source>
        <translation>HUD: CoC – Refugio seguro</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="85"/>
        <source>HHS: PATH – Street Outreach &amp; Services Only</source>
        <translation>HHS: PATH – Alcance en la calle y solo servicios</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="86"/>
        <source>HHS: RHY – Street Outreach Project</source>
        <translation>HHS: RHY – Proyecto de alcance en la calle</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="87"/>
        <source>HHS: RHY – Basic Center Program</source>
        <translation>HHS: RHY – Programa de centro básico</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="88"/>
        <source>VA: Supportive Services for Veteran Families</source>
        <translation>VA: Servicios de apoyo para familias de veteranos</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="89"/>
        <source>N/A</source>
        <translation>No corresponde</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="90"/>
        <source>Local or other funding source</source>
        <translation>Fuente de financiación local u otra</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="93"/>
        <source>Households without children</source>
        <translation>Hogares sin niños</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="94"/>
        <source>Households with at least one adult and one child</source>
        <translation>Hogares con al menos un adulto y un niño</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="95"/>
        <source>Households with only children</source>
        <translation>Hogares solo con niños</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="98"/>
        <source>Year-round</source>
        <translation>Todo el año</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="99"/>
        <source>Seasonal</source>
        <translation>De temporada</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="100"/>
        <source>Overflow</source>
        <translation>De desborde</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="103"/>
        <source>Facility-based</source>
        <translation>En instalación</translation>
    </message>
    <message>
        <location filename="../../ui/projects/labels.py" line="104"/>
        <source>Voucher</source>
        <translation>Vale</translation>
    </message>
</context>
<context>
    <name>ProjectPage</name>
    <message>
        <location filename="../../ui/wizard/project_page.py" line="26"/>
        <source>Choose the project this household is entering and the language the client wants to hear the explanation in.</source>
        <translation>Elija el proyecto al que entra este hogar y el idioma en que el cliente quiere oír la explicación.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/project_page.py" line="31"/>
        <source>Choose a project…</source>
        <translation>Elija un proyecto…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/project_page.py" line="38"/>
        <source>&amp;Project</source>
        <translation>&amp;Proyecto</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/project_page.py" line="38"/>
        <location filename="../../ui/wizard/project_page.py" line="48"/>
        <source>Project</source>
        <translation>Proyecto</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/project_page.py" line="39"/>
        <source>Client&apos;s &amp;language</source>
        <translation>&amp;Idioma del cliente</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/project_page.py" line="40"/>
        <source>Client&apos;s language</source>
        <translation>Idioma del cliente</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/project_page.py" line="41"/>
        <source>The oral explanation and the consent are shown in this language.</source>
        <translation>La explicación oral y el consentimiento se muestran en este idioma.</translation>
    </message>
</context>
<context>
    <name>ProjectsDialog</name>
    <message>
        <location filename="../../ui/projects/projects_dialog.py" line="102"/>
        <location filename="../../ui/projects/projects_dialog.py" line="103"/>
        <source>Projects</source>
        <translation>Proyectos</translation>
    </message>
    <message>
        <location filename="../../ui/projects/projects_dialog.py" line="104"/>
        <source>What the policy rules and an HMIS CSV export need of each project. The populations decide whether a project&apos;s records may be shared.</source>
        <translation>Lo que las reglas de la política y una exportación HMIS CSV necesitan de cada proyecto. Las poblaciones deciden si los registros de un proyecto pueden compartirse.</translation>
    </message>
    <message>
        <location filename="../../ui/projects/projects_dialog.py" line="106"/>
        <source>&amp;Projects on this device</source>
        <translation>&amp;Proyectos en este equipo</translation>
    </message>
    <message>
        <location filename="../../ui/projects/projects_dialog.py" line="107"/>
        <source>The chosen project&apos;s details</source>
        <translation>Datos del proyecto elegido</translation>
    </message>
    <message>
        <location filename="../../ui/projects/projects_dialog.py" line="108"/>
        <source>Projects on this device</source>
        <translation>Proyectos en este equipo</translation>
    </message>
    <message>
        <location filename="../../ui/projects/projects_dialog.py" line="109"/>
        <location filename="../../ui/projects/projects_dialog.py" line="110"/>
        <source>New project&apos;s name</source>
        <translation>Nombre del proyecto nuevo</translation>
    </message>
    <message>
        <location filename="../../ui/projects/projects_dialog.py" line="111"/>
        <source>New project&apos;s HUD type</source>
        <translation>Tipo HUD del proyecto nuevo</translation>
    </message>
    <message>
        <location filename="../../ui/projects/projects_dialog.py" line="112"/>
        <source>&amp;Add project</source>
        <translation>&amp;Añadir proyecto</translation>
    </message>
    <message>
        <location filename="../../ui/projects/projects_dialog.py" line="113"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location filename="../../ui/projects/projects_dialog.py" line="114"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../ui/projects/projects_dialog.py" line="145"/>
        <source>{name} — {count} to fill in</source>
        <translation>{name} — faltan {count}</translation>
    </message>
    <message>
        <location filename="../../ui/projects/projects_dialog.py" line="146"/>
        <source>{name} — complete</source>
        <translation>{name} — completo</translation>
    </message>
    <message>
        <location filename="../../ui/projects/projects_dialog.py" line="155"/>
        <source>Everything an HMIS CSV export needs of this project is filled in.</source>
        <translation>Todo lo que una exportación HMIS CSV necesita de este proyecto está completo.</translation>
    </message>
    <message>
        <location filename="../../ui/projects/projects_dialog.py" line="158"/>
        <source>Still needed for a complete HMIS CSV export: {names}.</source>
        <translation>Falta para una exportación HMIS CSV completa: {names}.</translation>
    </message>
    <message>
        <location filename="../../ui/projects/projects_dialog.py" line="171"/>
        <location filename="../../ui/projects/projects_dialog.py" line="174"/>
        <source>Not saved: {problem}</source>
        <translation>No se guardó: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/projects/projects_dialog.py" line="177"/>
        <source>Saved {name}. {missing}</source>
        <translation>Se guardó {name}. {missing}</translation>
    </message>
    <message>
        <location filename="../../ui/projects/projects_dialog.py" line="185"/>
        <source>Not added: {problem}</source>
        <translation>No se añadió: {problem}</translation>
    </message>
    <message>
        <location filename="../../ui/projects/projects_dialog.py" line="190"/>
        <source>Added. Fill in what the project still needs, then save.</source>
        <translation>Añadido. Complete lo que le falta al proyecto y guarde.</translation>
    </message>
</context>
<context>
    <name>QuestionForm</name>
    <message>
        <location filename="../../ui/wizard/question_form.py" line="122"/>
        <source>Show while pressed</source>
        <translation>Mostrar mientras se pulsa</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/question_form.py" line="123"/>
        <source>Show the number while pressed</source>
        <translation>Mostrar el número mientras se pulsa</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/question_form.py" line="140"/>
        <source>Choose…</source>
        <translation>Elija…</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/question_form.py" line="147"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
</context>
<context>
    <name>QuitGuard</name>
    <message>
        <location filename="../../ui/sync/quit_guard.py" line="46"/>
        <source>Records waiting to sync</source>
        <translation>Registros pendientes de sincronizar</translation>
    </message>
    <message>
        <location filename="../../ui/sync/quit_guard.py" line="47"/>
        <source>1 record has not reached the central HMIS yet.</source>
        <translation>1 registro aún no ha llegado al HMIS central.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/quit_guard.py" line="48"/>
        <source>{n} records have not reached the central HMIS yet.</source>
        <translation>{n} registros aún no han llegado al HMIS central.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/quit_guard.py" line="50"/>
        <source>Sync them now, or quit anyway: they will then be sent the next time someone signs in on this device.</source>
        <translation>Sincronícelos ahora, o salga de todos modos: se enviarán la próxima vez que alguien inicie sesión en este equipo.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/quit_guard.py" line="52"/>
        <source>&amp;Sync now</source>
        <translation>&amp;Sincronizar ahora</translation>
    </message>
    <message>
        <location filename="../../ui/sync/quit_guard.py" line="54"/>
        <source>This device is not enrolled with a server yet. Ask an administrator to enroll it so the records can be sent.</source>
        <translation>Este equipo aún no está inscrito en un servidor. Pida a un administrador que lo inscriba para que los registros puedan enviarse.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/quit_guard.py" line="57"/>
        <source>&amp;Quit anyway</source>
        <translation>Salir de &amp;todos modos</translation>
    </message>
    <message>
        <location filename="../../ui/sync/quit_guard.py" line="58"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../ui/profile/record_dialog.py" line="55"/>
        <source>{project}, since {start}</source>
        <translation>{project}, desde el {start}</translation>
    </message>
    <message>
        <location filename="../../ui/profile/record_dialog.py" line="58"/>
        <source>&amp;Project</source>
        <translation>&amp;Proyecto</translation>
    </message>
    <message>
        <location filename="../../ui/profile/record_dialog.py" line="59"/>
        <source>Project enrollment</source>
        <translation>Inscripción en el proyecto</translation>
    </message>
    <message>
        <location filename="../../ui/profile/record_dialog.py" line="64"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../ui/profile/record_dialog.py" line="64"/>
        <source>Cancel without saving</source>
        <translation>Cancelar sin guardar</translation>
    </message>
    <message>
        <location filename="../../ui/profile/record_dialog.py" line="64"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location filename="../../ui/profile/record_dialog.py" line="115"/>
        <source>The client has no open enrollment.</source>
        <translation>El cliente no tiene una inscripción abierta.</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../ui/signin/recovery_dialog.py" line="34"/>
        <location filename="../../ui/signin/recovery_dialog.py" line="55"/>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <location filename="../../ui/signin/recovery_dialog.py" line="40"/>
        <source>Use the recovery key</source>
        <translation>Usar la clave de recuperación</translation>
    </message>
    <message>
        <location filename="../../ui/signin/recovery_dialog.py" line="44"/>
        <source>For an administrator who forgot their password or is locked out. The key works once; a new one is shown after you sign in.</source>
        <translation>Para un administrador que olvidó su contraseña o quedó bloqueado. La clave sirve una sola vez; al iniciar sesión se muestra una nueva.</translation>
    </message>
    <message>
        <location filename="../../ui/signin/recovery_dialog.py" line="53"/>
        <source>Admin &amp;user name</source>
        <translation>&amp;Usuario administrador</translation>
    </message>
    <message>
        <location filename="../../ui/signin/recovery_dialog.py" line="54"/>
        <source>Administrator user name</source>
        <translation>Nombre de usuario del administrador</translation>
    </message>
    <message>
        <location filename="../../ui/signin/recovery_dialog.py" line="55"/>
        <source>Recovery &amp;key</source>
        <translation>&amp;Clave de recuperación</translation>
    </message>
    <message>
        <location filename="../../ui/signin/recovery_dialog.py" line="56"/>
        <source>Spaces and dashes are optional.</source>
        <translation>Los espacios y guiones son opcionales.</translation>
    </message>
    <message>
        <location filename="../../ui/signin/recovery_dialog.py" line="66"/>
        <location filename="../../ui/signin/recovery_dialog.py" line="67"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../ui/signin/recovery_dialog.py" line="68"/>
        <source>&amp;Reset password and sign in</source>
        <translation>&amp;Restablecer la contraseña e iniciar sesión</translation>
    </message>
    <message>
        <location filename="../../ui/signin/recovery_dialog.py" line="70"/>
        <source>Reset password and sign in</source>
        <translation>Restablecer la contraseña e iniciar sesión</translation>
    </message>
    <message>
        <location filename="../../ui/signin/recovery_dialog.py" line="83"/>
        <source>Enter the administrator&apos;s user name.</source>
        <translation>Escriba el nombre de usuario del administrador.</translation>
    </message>
    <message>
        <location filename="../../ui/signin/recovery_dialog.py" line="84"/>
        <source>Enter the recovery key.</source>
        <translation>Escriba la clave de recuperación.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <location filename="../../ui/setup/recovery_key_dialog.py" line="38"/>
        <location filename="../../ui/setup/recovery_key_dialog.py" line="65"/>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <location filename="../../ui/setup/recovery_key_dialog.py" line="45"/>
        <source>Store your recovery key</source>
        <translation>Guarde su clave de recuperación</translation>
    </message>
    <message>
        <location filename="../../ui/setup/recovery_key_dialog.py" line="49"/>
        <source>If an administrator forgets their password or is locked out, this key is the only way back into the vault. It is shown only now. Keep it somewhere safe and away from this laptop, such as a sealed envelope in the office safe or the agency&apos;s password manager.</source>
        <translation>Si un administrador olvida su contraseña o queda bloqueado, esta clave es la única forma de volver a entrar en la bóveda. Solo se muestra ahora. Guárdela en un lugar seguro y lejos de esta computadora portátil, como un sobre cerrado en la caja fuerte de la oficina o el gestor de contraseñas de la agencia.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/recovery_key_dialog.py" line="70"/>
        <source>&amp;Copy key</source>
        <translation>&amp;Copiar la clave</translation>
    </message>
    <message>
        <location filename="../../ui/setup/recovery_key_dialog.py" line="71"/>
        <source>Copy recovery key</source>
        <translation>Copiar la clave de recuperación</translation>
    </message>
    <message>
        <location filename="../../ui/setup/recovery_key_dialog.py" line="74"/>
        <source>Save to &amp;file…</source>
        <translation>Guardar en &amp;archivo…</translation>
    </message>
    <message>
        <location filename="../../ui/setup/recovery_key_dialog.py" line="75"/>
        <source>Save the recovery key to a file</source>
        <translation>Guardar la clave de recuperación en un archivo</translation>
    </message>
    <message>
        <location filename="../../ui/setup/recovery_key_dialog.py" line="76"/>
        <source>&amp;Print…</source>
        <translation>Im&amp;primir…</translation>
    </message>
    <message>
        <location filename="../../ui/setup/recovery_key_dialog.py" line="77"/>
        <source>Print the recovery key</source>
        <translation>Imprimir la clave de recuperación</translation>
    </message>
    <message>
        <location filename="../../ui/setup/recovery_key_dialog.py" line="84"/>
        <source>I have &amp;stored the recovery key safely</source>
        <translation>He &amp;guardado la clave de recuperación en un lugar seguro</translation>
    </message>
    <message>
        <location filename="../../ui/setup/recovery_key_dialog.py" line="85"/>
        <source>I have stored the recovery key safely</source>
        <translation>He guardado la clave de recuperación en un lugar seguro</translation>
    </message>
    <message>
        <location filename="../../ui/setup/recovery_key_dialog.py" line="90"/>
        <source>C&amp;ontinue</source>
        <translation>C&amp;ontinuar</translation>
    </message>
    <message>
        <location filename="../../ui/setup/recovery_key_dialog.py" line="93"/>
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <location filename="../../ui/setup/recovery_key_dialog.py" line="115"/>
        <source>Copied. The clipboard is cleared in one minute.</source>
        <translation>Copiada. El portapapeles se vacía en un minuto.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/recovery_key_dialog.py" line="121"/>
        <source>HMIS Intake recovery key</source>
        <translation>Clave de recuperación de HMIS Intake</translation>
    </message>
    <message>
        <location filename="../../ui/setup/recovery_key_dialog.py" line="122"/>
        <source>It resets an administrator&apos;s password on the device it was made for. Keep it locked away, apart from that device.</source>
        <translation>Restablece la contraseña de un administrador en el equipo para el que se creó. Guárdela bajo llave, lejos de ese equipo.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/recovery_key_dialog.py" line="128"/>
        <source>Save the recovery key</source>
        <translation>Guardar la clave de recuperación</translation>
    </message>
    <message>
        <location filename="../../ui/setup/recovery_key_dialog.py" line="130"/>
        <source>Text files (*.txt)</source>
        <translation>Archivos de texto (*.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/setup/recovery_key_dialog.py" line="140"/>
        <source>The key could not be saved there ({why}).</source>
        <translation>No se pudo guardar la clave ahí ({why}).</translation>
    </message>
    <message>
        <location filename="../../ui/setup/recovery_key_dialog.py" line="143"/>
        <source>Saved. Move the file off this laptop and keep it locked away.</source>
        <translation>Guardada. Saque el archivo de esta computadora y guárdelo bajo llave.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/recovery_key_dialog.py" line="155"/>
        <source>Sent to the printer.</source>
        <translation>Enviado a la impresora.</translation>
    </message>
</context>
<context>
    <name>RenewConsentDialog</name>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="55"/>
        <source>Record new consent</source>
        <translation>Registrar nuevo consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="61"/>
        <source>the client</source>
        <translation>el cliente</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="98"/>
        <source>Record a new consent</source>
        <translation>Registrar un nuevo consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="103"/>
        <source>One release covers the household: it is recorded for all {n} members (MO-ROI-3).</source>
        <translation>Una sola autorización cubre el hogar: se registra para los {n} miembros (MO-ROI-3).</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="115"/>
        <source>An ROI is recorded for each project the client is enrolled in; this one covers the project chosen here.</source>
        <translation>Se registra una autorización para cada proyecto en el que está inscrito el cliente; esta cubre el proyecto elegido aquí.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="130"/>
        <source>Client&apos;s &amp;language</source>
        <translation>&amp;Idioma del cliente</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="130"/>
        <source>Language of the consent texts</source>
        <translation>Idioma de los textos del consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="132"/>
        <source>&amp;Project</source>
        <translation>&amp;Proyecto</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="132"/>
        <source>Project the ROI covers</source>
        <translation>Proyecto que cubre la autorización</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="136"/>
        <source>I went through the &amp;oral explanation with the client</source>
        <translation>Repasé la explicación &amp;oral con el cliente</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="137"/>
        <source>Oral explanation given</source>
        <translation>Explicación oral dada</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="152"/>
        <source>S&amp;hared</source>
        <translation>&amp;Compartido</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="153"/>
        <source>Information is shared</source>
        <translation>La información se comparte</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="154"/>
        <source>&amp;Not shared</source>
        <translation>&amp;No compartido</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="155"/>
        <source>Information is not shared</source>
        <translation>La información no se comparte</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="171"/>
        <source>Shared w&amp;ith</source>
        <translation>Comparti&amp;do con</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="171"/>
        <source>Shared with</source>
        <translation>Compartido con</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="172"/>
        <source>Who sees the information; separate several with commas.</source>
        <translation>Quién ve la información; separe varios con comas.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="173"/>
        <source>&amp;Expires on</source>
        <translation>Válida &amp;hasta</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="173"/>
        <source>Release expires on</source>
        <translation>La autorización vence el</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="176"/>
        <source>The client signed the separate rele&amp;ase to share</source>
        <translation>El cliente firmó la &amp;autorización aparte para compartir</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="177"/>
        <source>Separate release to share signed</source>
        <translation>Autorización aparte para compartir firmada</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="189"/>
        <source>Date of &amp;consent</source>
        <translation>Fecha del con&amp;sentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="190"/>
        <source>Date of consent</source>
        <translation>Fecha del consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="196"/>
        <source>A parent or legal g&amp;uardian is consenting for the client</source>
        <translation>&amp;Un padre, madre o tutor legal da el consentimiento por el cliente</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="197"/>
        <source>Parent or legal guardian consents</source>
        <translation>Consiente el padre, la madre o el tutor legal</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="198"/>
        <source>The client is an e&amp;mancipated minor</source>
        <translation>El cliente es un &amp;menor emancipado</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="199"/>
        <source>Client is an emancipated minor</source>
        <translation>El cliente es un menor emancipado</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="205"/>
        <source>The client ma&amp;y be a victim of domestic violence</source>
        <translation>El cliente puede ser víctima de vio&amp;lencia doméstica</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="206"/>
        <source>Client may be a victim of domestic violence</source>
        <translation>El cliente puede ser víctima de violencia doméstica</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="207"/>
        <source>The client e&amp;xplicitly allows their information to be entered</source>
        <translation>El cliente permite e&amp;xpresamente que se registre su información</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="208"/>
        <source>Permission to enter information</source>
        <translation>Permiso para registrar la información</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="209"/>
        <source>The client explicitly allows their information to &amp;be shared</source>
        <translation>El cliente permite expresamente &amp;que se comparta su información</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="210"/>
        <source>Permission to share information</source>
        <translation>Permiso para compartir la información</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="83"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="83"/>
        <source>Cancel without recording a consent</source>
        <translation>Cancelar sin registrar un consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="84"/>
        <source>&amp;Save consent</source>
        <translation>&amp;Guardar consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="243"/>
        <source>The consent text changed, so the signature was cleared: the client signs the text as it reads now.</source>
        <translation>El texto del consentimiento cambió, así que se borró la firma: la persona firma el texto tal como dice ahora.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="262"/>
        <source>the agency</source>
        <translation>la agencia</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="283"/>
        <source>Leave empty: the release ends on {date} ({clause}).</source>
        <translation>Déjelo vacío: la autorización vence el {date} ({clause}).</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="286"/>
        <source>Needed when the information is shared; tell the client the date (CT-207-9).</source>
        <translation>Obligatorio si la información se comparte; diga la fecha al cliente (CT-207-9).</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="288"/>
        <source>Optional.</source>
        <translation>Opcional.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="323"/>
        <location filename="../../ui/profile/renew_dialog.py" line="329"/>
        <source>Enter a real date as YYYY-MM-DD.</source>
        <translation>Escriba una fecha real como YYYY-MM-DD.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="394"/>
        <source>New consent recorded; it is in the outbox.</source>
        <translation>Nuevo consentimiento registrado; está en la bandeja de salida.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/renew_dialog.py" line="395"/>
        <source>New consent recorded for the {n} household members; it is in the outbox.</source>
        <translation>Nuevo consentimiento registrado para los {n} miembros del hogar; está en la bandeja de salida.</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="23"/>
        <source>Check everything with the client, then press Save intake. Nothing is stored before that.</source>
        <translation>Revise todo con el cliente y pulse Guardar admisión. No se guarda nada antes.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="30"/>
        <source>Intake summary</source>
        <translation>Resumen de la admisión</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="33"/>
        <source>Show SSN while pressed</source>
        <translation>Mostrar el número de Seguro Social mientras se pulsa</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="34"/>
        <source>Show the social security numbers while pressed</source>
        <translation>Mostrar los números de Seguro Social mientras se pulsa</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="42"/>
        <source>Review and save</source>
        <translation>Revisar y guardar</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="50"/>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="50"/>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="64"/>
        <source>Written</source>
        <translation>Escrito</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="64"/>
        <source>Verbal</source>
        <translation>Verbal</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="64"/>
        <source>Declined</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="65"/>
        <source>Shared</source>
        <translation>Compartido</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="65"/>
        <source>Not Shared</source>
        <translation>No compartido</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="68"/>
        <source>Project: {p}</source>
        <translation>Proyecto: {p}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="69"/>
        <source>Oral explanation: every point explained</source>
        <translation>Explicación oral: se explicaron todos los puntos</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="70"/>
        <source>Consent: {m}, {d}</source>
        <translation>Consentimiento: {m}, {d}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="74"/>
        <source>Signature captured on screen</source>
        <translation>Firma capturada en pantalla</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="75"/>
        <source>Paper form signed, attested by staff</source>
        <translation>Formulario en papel firmado, certificado por el personal</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="77"/>
        <source>Sharing: {s}</source>
        <translation>Compartir: {s}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="79"/>
        <source>Expires on: {d}</source>
        <translation>Vence el: {d}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="83"/>
        <source>Person {n}</source>
        <translation>Persona {n}</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/review_page.py" line="84"/>
        <source>linked to the existing record</source>
        <translation>vinculada al registro existente</translation>
    </message>
</context>
<context>
    <name>RevokeConsentDialog</name>
    <message>
        <location filename="../../ui/profile/revoke_dialog.py" line="41"/>
        <source>Revoke consent</source>
        <translation>Revocar el consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/profile/revoke_dialog.py" line="51"/>
        <source>Revoke this consent</source>
        <translation>Revocar este consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/profile/revoke_dialog.py" line="53"/>
        <source>Written</source>
        <translation>escrito</translation>
    </message>
    <message>
        <location filename="../../ui/profile/revoke_dialog.py" line="53"/>
        <source>Verbal</source>
        <translation>verbal</translation>
    </message>
    <message>
        <location filename="../../ui/profile/revoke_dialog.py" line="54"/>
        <source>Shared</source>
        <translation>Compartido</translation>
    </message>
    <message>
        <location filename="../../ui/profile/revoke_dialog.py" line="54"/>
        <source>Not Shared</source>
        <translation>No compartido</translation>
    </message>
    <message>
        <location filename="../../ui/profile/revoke_dialog.py" line="55"/>
        <source>{method} consent signed on {signed}; {sharing}; in force until {ends}.</source>
        <translation>Consentimiento {method} firmado el {signed}; {sharing}; vigente hasta el {ends}.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/revoke_dialog.py" line="62"/>
        <source>One release covers this household, so it is revoked for all {n} people it covers (MO-ROI-3).</source>
        <translation>Una sola autorización cubre este hogar, así que se revoca para las {n} personas que cubre (MO-ROI-3).</translation>
    </message>
    <message>
        <location filename="../../ui/profile/revoke_dialog.py" line="71"/>
        <source>Client&apos;s &amp;language</source>
        <translation>&amp;Idioma del cliente</translation>
    </message>
    <message>
        <location filename="../../ui/profile/revoke_dialog.py" line="71"/>
        <source>Language of the text read to the client</source>
        <translation>Idioma del texto que se lee al cliente</translation>
    </message>
    <message>
        <location filename="../../ui/profile/revoke_dialog.py" line="75"/>
        <source>Text to read to the client</source>
        <translation>Texto para leer al cliente</translation>
    </message>
    <message>
        <location filename="../../ui/profile/revoke_dialog.py" line="80"/>
        <location filename="../../ui/profile/revoke_dialog.py" line="92"/>
        <source>What happens</source>
        <translation>Qué pasa</translation>
    </message>
    <message>
        <location filename="../../ui/profile/revoke_dialog.py" line="81"/>
        <source>From the effective date, the client&apos;s information is no longer shared with other agencies.</source>
        <translation>A partir de la fecha efectiva, la información del cliente deja de compartirse con otras agencias.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/revoke_dialog.py" line="83"/>
        <source>What was entered before stays in HMIS; what was already shared is not called back.</source>
        <translation>Lo registrado antes se queda en el HMIS; lo que ya se compartió no se retira.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/revoke_dialog.py" line="85"/>
        <source>No new contacts, services, exits or case notes can be recorded until the client gives a new consent.</source>
        <translation>No se pueden registrar nuevos contactos, servicios, salidas ni notas del caso hasta que el cliente dé un nuevo consentimiento.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/revoke_dialog.py" line="88"/>
        <source>Recording goes on; the record stays Not Shared until the client signs a new consent to share.</source>
        <translation>Se puede seguir registrando; el registro queda No compartido hasta que el cliente firme un nuevo consentimiento para compartir.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/revoke_dialog.py" line="90"/>
        <source>The revocation goes to the central HMIS with the next sync.</source>
        <translation>La revocación se envía al HMIS central en la próxima sincronización.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/revoke_dialog.py" line="100"/>
        <source>&amp;Effective date</source>
        <translation>&amp;Fecha efectiva</translation>
    </message>
    <message>
        <location filename="../../ui/profile/revoke_dialog.py" line="101"/>
        <source>Effective date</source>
        <translation>Fecha efectiva</translation>
    </message>
    <message>
        <location filename="../../ui/profile/revoke_dialog.py" line="101"/>
        <source>Today, or the day the client asked.</source>
        <translation>Hoy, o el día en que lo pidió el cliente.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/revoke_dialog.py" line="103"/>
        <source>&amp;I read this to the client and they asked to revoke their consent</source>
        <translation>&amp;Leí esto al cliente y pidió revocar su consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/profile/revoke_dialog.py" line="104"/>
        <source>The client asked to revoke their consent</source>
        <translation>El cliente pidió revocar su consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/profile/revoke_dialog.py" line="110"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../ui/profile/revoke_dialog.py" line="110"/>
        <source>Cancel without revoking</source>
        <translation>Cancelar sin revocar</translation>
    </message>
    <message>
        <location filename="../../ui/profile/revoke_dialog.py" line="110"/>
        <source>&amp;Revoke consent</source>
        <translation>&amp;Revocar el consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/profile/revoke_dialog.py" line="129"/>
        <source>the agency</source>
        <translation>la agencia</translation>
    </message>
    <message>
        <location filename="../../ui/profile/revoke_dialog.py" line="130"/>
        <source>the client</source>
        <translation>el cliente</translation>
    </message>
    <message>
        <location filename="../../ui/profile/revoke_dialog.py" line="145"/>
        <source>Consent revoked from {date}; the revocation is in the outbox.</source>
        <translation>Consentimiento revocado desde el {date}; la revocación está en la bandeja de salida.</translation>
    </message>
</context>
<context>
    <name>RightsActions</name>
    <message>
        <location filename="../../ui/profile/rights_actions.py" line="112"/>
        <source>Client righ&amp;ts</source>
        <translation>Derechos del clien&amp;te</translation>
    </message>
    <message>
        <location filename="../../ui/profile/rights_actions.py" line="113"/>
        <source>The client&apos;s requests and corrections</source>
        <translation>Las solicitudes y correcciones del cliente</translation>
    </message>
    <message>
        <location filename="../../ui/profile/rights_actions.py" line="123"/>
        <source>Log a request for a &amp;copy of the record</source>
        <translation>Registrar una solicitud de &amp;copia del expediente</translation>
    </message>
    <message>
        <location filename="../../ui/profile/rights_actions.py" line="127"/>
        <source>Log a request for a c&amp;orrection</source>
        <translation>Registrar una solicitud de c&amp;orrección</translation>
    </message>
    <message>
        <location filename="../../ui/profile/rights_actions.py" line="130"/>
        <source>&amp;Record a correction…</source>
        <translation>&amp;Registrar una corrección…</translation>
    </message>
    <message>
        <location filename="../../ui/profile/rights_actions.py" line="147"/>
        <source>Request logged; it is due on {day}.</source>
        <translation>Solicitud registrada; vence el {day}.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/rights_actions.py" line="148"/>
        <source>Request logged; the policy sets no deadline.</source>
        <translation>Solicitud registrada; la política no fija plazo.</translation>
    </message>
</context>
<context>
    <name>RunningPage</name>
    <message>
        <location filename="../../ui/export/export_dialog.py" line="76"/>
        <source>Exporting…</source>
        <extracomment>How long a lock waits for a running export to notice the cancel before closing anyway.</extracomment>
        <translation>Exportando…</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialog.py" line="80"/>
        <source>The zip appears only when it is complete; if you cancel, nothing is left behind.</source>
        <translation>El zip solo aparece cuando está completo; si cancela, no queda nada.</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialog.py" line="83"/>
        <source>Saving to</source>
        <translation>Guardando en</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialog.py" line="86"/>
        <source>Export step</source>
        <translation>Paso de la exportación</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialog.py" line="89"/>
        <source>Export progress</source>
        <translation>Progreso de la exportación</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialog.py" line="95"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialog.py" line="96"/>
        <source>Cancel the export</source>
        <translation>Cancelar la exportación</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialog.py" line="99"/>
        <source>Reading enrollments</source>
        <translation>Leyendo inscripciones</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialog.py" line="99"/>
        <source>Reading exits</source>
        <translation>Leyendo salidas</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialog.py" line="99"/>
        <source>Reading contacts</source>
        <translation>Leyendo contactos</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialog.py" line="100"/>
        <source>Reading services</source>
        <translation>Leyendo servicios</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialog.py" line="100"/>
        <source>Reading clients</source>
        <translation>Leyendo clientes</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialog.py" line="100"/>
        <source>Reading projects</source>
        <translation>Leyendo proyectos</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialog.py" line="101"/>
        <source>Reading organizations</source>
        <translation>Leyendo organizaciones</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialog.py" line="101"/>
        <source>Reading users</source>
        <translation>Leyendo usuarios</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialog.py" line="102"/>
        <source>Writing {file}</source>
        <translation>Escribiendo {file}</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialog.py" line="104"/>
        <source>Finishing the zip</source>
        <translation>Terminando el zip</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialog.py" line="110"/>
        <source>Saving {file}</source>
        <translation>Guardando {file}</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialog.py" line="112"/>
        <source>Starting</source>
        <translation>Empezando</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialog.py" line="123"/>
        <source>Cancelling…</source>
        <translation>Cancelando…</translation>
    </message>
</context>
<context>
    <name>ScriptPage</name>
    <message>
        <location filename="../../ui/wizard/script_page.py" line="30"/>
        <source>Oral explanation</source>
        <translation>Explicación oral</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/script_page.py" line="43"/>
        <source>the client</source>
        <translation>el cliente</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/script_page.py" line="60"/>
        <source>Read each point to the client, answer their questions, then tick it. Next is available once every point is ticked.</source>
        <translation>Lea cada punto al cliente, responda sus preguntas y márquelo. Siguiente se activa cuando todos los puntos están marcados.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/script_page.py" line="72"/>
        <source>Explained: {title}</source>
        <translation>Explicado: {title}</translation>
    </message>
</context>
<context>
    <name>ServerText</name>
    <message>
        <location filename="../../ui/server_text.py" line="27"/>
        <source>This grant code is not valid for this device&apos;s agency; check it or ask the HMIS Lead for a new one.</source>
        <translation>Este código de concesión no es válido para la agencia de este dispositivo; compruébelo o pida uno nuevo a la agencia líder de HMIS.</translation>
    </message>
    <message>
        <location filename="../../ui/server_text.py" line="29"/>
        <source>This grant code was already used; ask the HMIS Lead for a new one.</source>
        <translation>Este código de concesión ya se usó; pida uno nuevo a la agencia líder de HMIS.</translation>
    </message>
    <message>
        <location filename="../../ui/server_text.py" line="30"/>
        <source>This grant code has expired; ask the HMIS Lead for a new one.</source>
        <translation>Este código de concesión ha caducado; pida uno nuevo a la agencia líder de HMIS.</translation>
    </message>
    <message>
        <location filename="../../ui/server_text.py" line="31"/>
        <source>This grant code was issued for another user name or role; check both, or ask the HMIS Lead for a new one.</source>
        <translation>Este código de concesión se emitió para otro nombre de usuario u otro rol; compruebe ambos o pida uno nuevo a la agencia líder de HMIS.</translation>
    </message>
    <message>
        <location filename="../../ui/server_text.py" line="33"/>
        <source>The grant code is empty, too long or has control characters; check it.</source>
        <translation>El código de concesión está vacío, es demasiado largo o tiene caracteres de control; compruébelo.</translation>
    </message>
    <message>
        <location filename="../../ui/server_text.py" line="55"/>
        <source>{device}, last seen {time} UTC</source>
        <translation>{device}, visto por última vez {time} UTC</translation>
    </message>
    <message>
        <location filename="../../ui/server_text.py" line="58"/>
        <source>This user is also signed in on another device of the agency ({devices}); sign out there, since one user may be signed in at one place at a time ({clauses}).</source>
        <translation>Este usuario también ha iniciado sesión en otro dispositivo de la agencia ({devices}); cierre la sesión allí, ya que un usuario solo puede tener la sesión iniciada en un lugar a la vez ({clauses}).</translation>
    </message>
</context>
<context>
    <name>ServiceDialog</name>
    <message>
        <location filename="../../ui/profile/service_dialog.py" line="26"/>
        <source>Record service</source>
        <translation>Registrar servicio</translation>
    </message>
    <message>
        <location filename="../../ui/profile/service_dialog.py" line="26"/>
        <source>Record a service</source>
        <translation>Registrar un servicio</translation>
    </message>
    <message>
        <location filename="../../ui/profile/service_dialog.py" line="31"/>
        <location filename="../../ui/profile/service_dialog.py" line="50"/>
        <location filename="../../ui/profile/service_dialog.py" line="68"/>
        <location filename="../../ui/profile/service_dialog.py" line="76"/>
        <source>Choose…</source>
        <translation>Elija…</translation>
    </message>
    <message>
        <location filename="../../ui/profile/service_dialog.py" line="32"/>
        <location filename="../../ui/profile/service_dialog.py" line="65"/>
        <source>Choose the record type first</source>
        <translation>Elija primero el tipo de registro</translation>
    </message>
    <message>
        <location filename="../../ui/profile/service_dialog.py" line="33"/>
        <source>&amp;Date provided</source>
        <translation>&amp;Fecha de prestación</translation>
    </message>
    <message>
        <location filename="../../ui/profile/service_dialog.py" line="33"/>
        <source>Date provided</source>
        <translation>Fecha de prestación</translation>
    </message>
    <message>
        <location filename="../../ui/profile/service_dialog.py" line="34"/>
        <source>&amp;Record type</source>
        <translation>Tipo de &amp;registro</translation>
    </message>
    <message>
        <location filename="../../ui/profile/service_dialog.py" line="34"/>
        <source>Record type</source>
        <translation>Tipo de registro</translation>
    </message>
    <message>
        <location filename="../../ui/profile/service_dialog.py" line="35"/>
        <source>&amp;Type of service</source>
        <translation>&amp;Tipo de servicio</translation>
    </message>
    <message>
        <location filename="../../ui/profile/service_dialog.py" line="35"/>
        <source>Type of service</source>
        <translation>Tipo de servicio</translation>
    </message>
    <message>
        <location filename="../../ui/profile/service_dialog.py" line="51"/>
        <source>This project records no HUD service here</source>
        <translation>Este proyecto no registra aquí ningún servicio de HUD</translation>
    </message>
    <message>
        <location filename="../../ui/profile/service_dialog.py" line="55"/>
        <source>Agency service (not reported to HUD)</source>
        <translation>Servicio de la agencia (no se informa a HUD)</translation>
    </message>
    <message>
        <location filename="../../ui/profile/service_dialog.py" line="88"/>
        <source>Agency service saved; it is in the outbox (not reported to HUD).</source>
        <translation>Servicio de la agencia guardado; está en la bandeja de salida (no se informa a HUD).</translation>
    </message>
    <message>
        <location filename="../../ui/profile/service_dialog.py" line="89"/>
        <source>Choose the record type.</source>
        <translation>Elija el tipo de registro.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/service_dialog.py" line="86"/>
        <location filename="../../ui/profile/service_dialog.py" line="90"/>
        <source>Choose the type of service.</source>
        <translation>Elija el tipo de servicio.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/service_dialog.py" line="92"/>
        <source>Service saved; it is in the outbox.</source>
        <translation>Servicio guardado; está en la bandeja de salida.</translation>
    </message>
</context>
<context>
    <name>SessionSync</name>
    <message>
        <location filename="../../ui/sync/session_sync.py" line="83"/>
        <source>Sync status</source>
        <translation>Estado de la sincronización</translation>
    </message>
    <message>
        <location filename="../../ui/sync/session_sync.py" line="92"/>
        <source>Signed in elsewhere</source>
        <translation>Sesión iniciada en otro lugar</translation>
    </message>
    <message>
        <location filename="../../ui/sync/session_sync.py" line="198"/>
        <source>Syncing…</source>
        <translation>Sincronizando…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/session_sync.py" line="204"/>
        <source>Sync: the server did not answer; trying again in {s:.0f} s.</source>
        <translation>Sincronización: el servidor no respondió; nuevo intento en {s:.0f} s.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/session_sync.py" line="207"/>
        <source>Syncing… {done} of {total}</source>
        <translation>Sincronizando… {done} de {total}</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/admin/settings_dialog.py" line="29"/>
        <location filename="../../ui/admin/settings_dialog.py" line="32"/>
        <source>Device settings</source>
        <translation>Ajustes del dispositivo</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_dialog.py" line="39"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_dialog.py" line="41"/>
        <source>&amp;Lock after idle</source>
        <translation>&amp;Bloquear tras inactividad</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_dialog.py" line="41"/>
        <source>Idle lock minutes</source>
        <translation>Minutos de inactividad antes del bloqueo</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_dialog.py" line="42"/>
        <source>From {low} to {high} minutes, as the agency&apos;s policy allows. Takes effect at the next sign-in.</source>
        <translation>De {low} a {high} minutos, según permite la política de la agencia. Se aplica en el próximo inicio de sesión.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_dialog.py" line="47"/>
        <source>This agency is a &amp;victim service provider</source>
        <translation>Esta agencia es un &amp;proveedor de servicios a víctimas</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_dialog.py" line="50"/>
        <source>Its records stay on this device and in its own comparable database: no sync with the central HMIS and no CoC-wide export{clause}.</source>
        <translation>Sus registros se quedan en este dispositivo y en su propia base de datos comparable: sin sincronización con el HMIS central ni exportación para todo el CoC{clause}.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_dialog.py" line="55"/>
        <source>One &amp;ROI covers every project of the agency</source>
        <translation>Una sola &amp;autorización cubre todos los proyectos de la agencia</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_dialog.py" line="59"/>
        <source>Otherwise an ROI is recorded for each project the client is enrolled in{clause}.</source>
        <translation>Si no, se registra una autorización para cada proyecto en el que está inscrito el cliente{clause}.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_dialog.py" line="67"/>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_dialog.py" line="70"/>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <location filename="../../ui/admin/settings_dialog.py" line="95"/>
        <source>Saved. The idle lock uses {n} minutes from the next sign-in.</source>
        <translation>Guardado. El bloqueo por inactividad usará {n} minutos desde el próximo inicio de sesión.</translation>
    </message>
</context>
<context>
    <name>SetupProjects</name>
    <message>
        <location filename="../../ui/setup/project_rows.py" line="125"/>
        <source>Your agency&apos;s projects</source>
        <translation>Los proyectos de su agencia</translation>
    </message>
    <message>
        <location filename="../../ui/setup/project_rows.py" line="126"/>
        <source>Name each project, its HUD type and its CoC code (such as VT-500). Tick the populations a project serves: the policy pack keeps their records Not Shared. Address, funding and beds can be added later under Tools ▸ Projects.</source>
        <translation>Indique el nombre de cada proyecto, su tipo HUD y su código del CoC (por ejemplo, VT-500). Marque las poblaciones que atiende un proyecto: el paquete de políticas mantiene sus registros como No compartidos. La dirección, la financiación y las camas pueden añadirse después en Herramientas ▸ Proyectos.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/project_rows.py" line="129"/>
        <source>Add another &amp;project</source>
        <translation>Añadir otro &amp;proyecto</translation>
    </message>
    <message>
        <location filename="../../ui/setup/project_rows.py" line="131"/>
        <source>Project {n} name</source>
        <translation>Nombre del proyecto {n}</translation>
    </message>
    <message>
        <location filename="../../ui/setup/project_rows.py" line="132"/>
        <source>Project name</source>
        <translation>Nombre del proyecto</translation>
    </message>
    <message>
        <location filename="../../ui/setup/project_rows.py" line="133"/>
        <source>Project {n} HUD type</source>
        <translation>Tipo HUD del proyecto {n}</translation>
    </message>
    <message>
        <location filename="../../ui/setup/project_rows.py" line="134"/>
        <source>Project {n} CoC code</source>
        <translation>Código del CoC del proyecto {n}</translation>
    </message>
    <message>
        <location filename="../../ui/setup/project_rows.py" line="135"/>
        <source>CoC code</source>
        <translation>Código del CoC</translation>
    </message>
    <message>
        <location filename="../../ui/setup/project_rows.py" line="136"/>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <location filename="../../ui/setup/project_rows.py" line="137"/>
        <source>Remove project {n}</source>
        <translation>Quitar el proyecto {n}</translation>
    </message>
    <message>
        <location filename="../../ui/setup/project_rows.py" line="155"/>
        <source>An agency needs at least one project.</source>
        <translation>Una agencia necesita al menos un proyecto.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/project_rows.py" line="176"/>
        <source>Give the project a name.</source>
        <translation>Dé un nombre al proyecto.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/project_rows.py" line="178"/>
        <source>Two projects have this name.</source>
        <translation>Dos proyectos tienen este nombre.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/project_rows.py" line="180"/>
        <source>A CoC code is two letters, a hyphen and three digits, such as VT-500.</source>
        <translation>Un código del CoC tiene dos letras, un guion y tres dígitos, por ejemplo VT-500.</translation>
    </message>
</context>
<context>
    <name>SetupWindow</name>
    <message>
        <location filename="../../ui/setup/setup_window.py" line="137"/>
        <source>Set up</source>
        <translation>Configuración inicial</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_window.py" line="138"/>
        <source>Set up this device</source>
        <translation>Configurar este equipo</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_window.py" line="139"/>
        <source>Create the encrypted vault for your agency. You will be its first administrator.</source>
        <translation>Cree la bóveda cifrada de su agencia. Usted será su primer administrador.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_window.py" line="141"/>
        <source>Policy &amp;pack</source>
        <translation>&amp;Paquete de políticas</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_window.py" line="141"/>
        <source>Policy pack</source>
        <translation>Paquete de políticas</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_window.py" line="142"/>
        <source>The rules your Continuum of Care follows.</source>
        <translation>Las reglas que sigue su Continuo de Atención (CoC).</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_window.py" line="143"/>
        <source>&amp;Agency</source>
        <translation>&amp;Agencia</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_window.py" line="143"/>
        <source>Agency name</source>
        <translation>Nombre de la agencia</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_window.py" line="144"/>
        <source>Admin &amp;user name</source>
        <translation>&amp;Usuario administrador</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_window.py" line="144"/>
        <source>Administrator user name</source>
        <translation>Nombre de usuario del administrador</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_window.py" line="145"/>
        <source>&amp;Display name</source>
        <translation>Nombre &amp;visible</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_window.py" line="145"/>
        <source>Administrator display name</source>
        <translation>Nombre visible del administrador</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_window.py" line="146"/>
        <source>Shown in the status bar and the audit trail.</source>
        <translation>Se muestra en la barra de estado y en el registro de auditoría.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_window.py" line="147"/>
        <source>Pass&amp;word</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_window.py" line="147"/>
        <source>Administrator password</source>
        <translation>Contraseña del administrador</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_window.py" line="148"/>
        <source>&amp;Confirm password</source>
        <translation>Con&amp;firmar la contraseña</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_window.py" line="148"/>
        <source>Confirm password</source>
        <translation>Confirmar la contraseña</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_window.py" line="149"/>
        <source>I have completed what this pack asks of every user:</source>
        <translation>He completado lo que este paquete exige a cada usuario:</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_window.py" line="150"/>
        <source>Agreements and training completed</source>
        <translation>Acuerdos y capacitación completados</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_window.py" line="151"/>
        <source>Create &amp;vault</source>
        <translation>Crear la &amp;bóveda</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_window.py" line="152"/>
        <source>Create vault</source>
        <translation>Crear la bóveda</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_window.py" line="153"/>
        <source>&lt;b&gt;New here?&lt;/b&gt; Explore a practice vault with 300 made-up people. It is deleted when you quit.</source>
        <translation>&lt;b&gt;¿Es nuevo aquí?&lt;/b&gt; Explore una bóveda de práctica con 300 personas inventadas. Se borra al salir.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_window.py" line="155"/>
        <source>&amp;Try with demo data</source>
        <translation>Probar con datos de &amp;demostración</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_window.py" line="156"/>
        <source>Try with demo data</source>
        <translation>Probar con datos de demostración</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_window.py" line="186"/>
        <source>The two passwords are not the same.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_window.py" line="197"/>
        <source>Enter the agency&apos;s name.</source>
        <translation>Escriba el nombre de la agencia.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_window.py" line="198"/>
        <source>Enter a user name.</source>
        <translation>Escriba un nombre de usuario.</translation>
    </message>
    <message>
        <location filename="../../ui/setup/setup_window.py" line="202"/>
        <source>Type the password again.</source>
        <translation>Escriba la contraseña otra vez.</translation>
    </message>
</context>
<context>
    <name>SharingPage</name>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="51"/>
        <source>A release for this project</source>
        <translation>Una autorización para este proyecto</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="56"/>
        <source>The client &amp;agrees</source>
        <translation>El cliente &amp;acepta</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="57"/>
        <source>The client agrees to the consent</source>
        <translation>El cliente acepta el consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="58"/>
        <source>The client &amp;declines</source>
        <translation>El cliente &amp;rechaza</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="59"/>
        <source>The client declines consent</source>
        <translation>El cliente rechaza el consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="70"/>
        <source>Sharing is fixed</source>
        <translation>Compartir está fijado</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="75"/>
        <source>&amp;Shared</source>
        <translation>&amp;Compartido</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="75"/>
        <source>&amp;Not Shared</source>
        <translation>&amp;No compartido</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="87"/>
        <source>Agencies or groups, separated by commas</source>
        <translation>Agencias o grupos, separados por comas</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="90"/>
        <source>e.g. name, date of birth, enrollment and services</source>
        <translation>p. ej., nombre, fecha de nacimiento, inscripción y servicios</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="95"/>
        <source>Shared &amp;with</source>
        <translation>Compartido &amp;con</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="95"/>
        <source>Shared with</source>
        <translation>Compartido con</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="96"/>
        <source>&amp;Information shared</source>
        <translation>&amp;Información compartida</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="97"/>
        <source>Information shared</source>
        <translation>Información compartida</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="98"/>
        <location filename="../../ui/wizard/sharing_page.py" line="260"/>
        <source>&amp;Expires on</source>
        <translation>&amp;Vence el</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="98"/>
        <location filename="../../ui/wizard/sharing_page.py" line="260"/>
        <source>Consent expiry date</source>
        <translation>Fecha de vencimiento del consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="99"/>
        <location filename="../../ui/wizard/sharing_page.py" line="262"/>
        <source>Tell the client this date.</source>
        <translation>Diga esta fecha al cliente.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="102"/>
        <source>The client signed the separate &amp;release to share</source>
        <translation>El cliente firmó la &amp;autorización aparte para compartir</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="103"/>
        <source>Separate release to share signed</source>
        <translation>Autorización aparte para compartir firmada</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="107"/>
        <source>A &amp;parent or legal guardian is consenting for the client</source>
        <translation>Un &amp;padre, madre o tutor legal da el consentimiento por el cliente</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="108"/>
        <source>Parent or legal guardian consents</source>
        <translation>Consiente el padre, la madre o el tutor legal</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="109"/>
        <source>The client is an e&amp;mancipated minor</source>
        <translation>El cliente es un &amp;menor emancipado</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="110"/>
        <source>Client is an emancipated minor</source>
        <translation>El cliente es un menor emancipado</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="123"/>
        <source>What happens after a refusal</source>
        <translation>Qué pasa tras un rechazo</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="128"/>
        <source>The client may be a victim of domestic &amp;violence</source>
        <translation>El cliente puede ser víctima de &amp;violencia doméstica</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="129"/>
        <source>Client may be a victim of domestic violence</source>
        <translation>El cliente puede ser víctima de violencia doméstica</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="130"/>
        <source>The client explicitly allows their information to be en&amp;tered</source>
        <translation>El cliente permite expresamente que se re&amp;gistre su información</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="131"/>
        <source>Permission to enter information</source>
        <translation>Permiso para registrar la información</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="132"/>
        <source>The client explicitly allows their information to be s&amp;hared</source>
        <translation>El cliente permite expresamente que se c&amp;omparta su información</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="133"/>
        <source>Permission to share information</source>
        <translation>Permiso para compartir la información</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="146"/>
        <source>Sharing</source>
        <translation>Compartir</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="199"/>
        <source>Under this policy nothing about the client may be recorded without their consent: the intake ends here and nothing is saved ({clause}).</source>
        <translation>Según esta política no se puede registrar nada sobre el cliente sin su consentimiento: la admisión termina aquí y no se guarda nada ({clause}).</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="202"/>
        <source>The intake goes on with the household&apos;s record locked: only your agency can see it ({clause}).</source>
        <translation>La admisión continúa con el registro del hogar bloqueado: solo su agencia puede verlo ({clause}).</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="205"/>
        <source>The intake goes on as Not Shared: only your agency can see the record ({clause}).</source>
        <translation>La admisión continúa como No compartido: solo su agencia puede ver el registro ({clause}).</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="210"/>
        <source>Sharing is fixed at Not Shared: the client is under {age} and not emancipated, so only a parent or legal guardian can consent to sharing ({clause}).</source>
        <translation>Compartir está fijado en No compartido: el cliente tiene menos de {age} años y no está emancipado, así que solo un padre, una madre o un tutor legal puede consentir que se comparta ({clause}).</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="213"/>
        <source>survivors of domestic violence</source>
        <translation>sobrevivientes de violencia doméstica</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="213"/>
        <source>people with HIV/AIDS</source>
        <translation>personas con VIH/sida</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="214"/>
        <source>young people</source>
        <translation>jóvenes</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="214"/>
        <source>legal services clients</source>
        <translation>clientes de servicios legales</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="215"/>
        <source>a protected population</source>
        <translation>una población protegida</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="217"/>
        <source>Sharing is fixed at Not Shared: this project serves {who}, whose records stay Not Shared ({clause}).</source>
        <translation>Compartir está fijado en No compartido: este proyecto atiende a {who}, cuyos registros quedan como No compartido ({clause}).</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="238"/>
        <source>the client</source>
        <translation>el cliente</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="261"/>
        <source>Set by the policy from the date of signing; tell the client this date.</source>
        <translation>La fija la política a partir de la fecha de la firma; diga esta fecha al cliente.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="287"/>
        <source>This client&apos;s releases of information cover other projects only: the consent recorded here is the release for {project}.</source>
        <translation>Las autorizaciones para divulgar información de este cliente cubren solo otros proyectos: el consentimiento registrado aquí es la autorización para {project}.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/sharing_page.py" line="313"/>
        <source>This is written into the text the client signs; fill it in.</source>
        <translation>Esto se escribe en el texto que firma el cliente; rellénelo.</translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <location filename="../../ui/signin/signin_window.py" line="98"/>
        <location filename="../../ui/signin/signin_window.py" line="123"/>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <location filename="../../ui/signin/signin_window.py" line="99"/>
        <source>Sign in to open this device&apos;s encrypted vault.</source>
        <translation>Inicie sesión para abrir la bóveda cifrada de este equipo.</translation>
    </message>
    <message>
        <location filename="../../ui/signin/signin_window.py" line="101"/>
        <source>HMIS Intake is locked</source>
        <translation>HMIS Intake está bloqueado</translation>
    </message>
    <message>
        <location filename="../../ui/signin/signin_window.py" line="102"/>
        <source>Nothing from the vault is on screen. Sign in again to continue.</source>
        <translation>No hay nada de la bóveda en pantalla. Inicie sesión de nuevo para continuar.</translation>
    </message>
    <message>
        <location filename="../../ui/signin/signin_window.py" line="106"/>
        <source>Demo sign-in
user name: {u}
password:  {p}</source>
        <translation>Acceso de demostración
usuario:    {u}
contraseña: {p}</translation>
    </message>
    <message>
        <location filename="../../ui/signin/signin_window.py" line="108"/>
        <source>Demo sign-in details</source>
        <translation>Datos de acceso de demostración</translation>
    </message>
    <message>
        <location filename="../../ui/signin/signin_window.py" line="109"/>
        <source>&amp;User name</source>
        <translation>&amp;Usuario</translation>
    </message>
    <message>
        <location filename="../../ui/signin/signin_window.py" line="109"/>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <location filename="../../ui/signin/signin_window.py" line="110"/>
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <location filename="../../ui/signin/signin_window.py" line="110"/>
        <source>Password</source>
        <translation>Contraseña</translation>
    </message>
    <message>
        <location filename="../../ui/signin/signin_window.py" line="111"/>
        <source>&amp;Code</source>
        <translation>Có&amp;digo</translation>
    </message>
    <message>
        <location filename="../../ui/signin/signin_window.py" line="111"/>
        <source>Code from the authenticator app</source>
        <translation>Código de la aplicación de autenticación</translation>
    </message>
    <message>
        <location filename="../../ui/signin/signin_window.py" line="112"/>
        <source>The 6-digit code your authenticator app shows now, or one of your recovery codes.</source>
        <translation>El código de 6 dígitos que muestra ahora su aplicación de autenticación, o uno de sus códigos de recuperación.</translation>
    </message>
    <message>
        <location filename="../../ui/signin/signin_window.py" line="115"/>
        <source>&amp;Back</source>
        <translation>&amp;Volver</translation>
    </message>
    <message>
        <location filename="../../ui/signin/signin_window.py" line="116"/>
        <source>Back to the password</source>
        <translation>Volver a la contraseña</translation>
    </message>
    <message>
        <location filename="../../ui/signin/signin_window.py" line="117"/>
        <source>C&amp;ontinue</source>
        <translation>C&amp;ontinuar</translation>
    </message>
    <message>
        <location filename="../../ui/signin/signin_window.py" line="118"/>
        <source>Continue with the code</source>
        <translation>Continuar con el código</translation>
    </message>
    <message>
        <location filename="../../ui/signin/signin_window.py" line="120"/>
        <source>Use &amp;recovery key…</source>
        <translation>Usar la clave de &amp;recuperación…</translation>
    </message>
    <message>
        <location filename="../../ui/signin/signin_window.py" line="121"/>
        <source>Use recovery key</source>
        <translation>Usar la clave de recuperación</translation>
    </message>
    <message>
        <location filename="../../ui/signin/signin_window.py" line="122"/>
        <source>&amp;Sign in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <location filename="../../ui/signin/signin_window.py" line="185"/>
        <source>Enter the code from your authenticator app.</source>
        <translation>Escriba el código de su aplicación de autenticación.</translation>
    </message>
    <message>
        <location filename="../../ui/signin/signin_window.py" line="194"/>
        <source>Enter your user name.</source>
        <translation>Escriba su nombre de usuario.</translation>
    </message>
    <message>
        <location filename="../../ui/signin/signin_window.py" line="199"/>
        <source>Enter your password.</source>
        <translation>Escriba su contraseña.</translation>
    </message>
</context>
<context>
    <name>SignatureBlock</name>
    <message>
        <location filename="../../ui/widgets/signature_block.py" line="28"/>
        <source>C&amp;lear signature</source>
        <translation>&amp;Borrar firma</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signature_block.py" line="29"/>
        <source>Clear signature</source>
        <translation>Borrar firma</translation>
    </message>
    <message>
        <location filename="../../ui/widgets/signature_block.py" line="36"/>
        <source>Paper form signed, attested by staff</source>
        <translation>Formulario en papel firmado, certificado por el personal</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../ui/wizard/signature_pad.py" line="51"/>
        <source>Signature pad</source>
        <translation>Panel de firma</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/signature_pad.py" line="53"/>
        <source>The client signs here with a finger, a pen or the mouse; Delete clears it. Without a touch screen or pen, the client signs the paper form and you attest it below, or choose verbal consent where the policy allows it.</source>
        <translation>El cliente firma aquí con el dedo, un lápiz o el ratón; Supr la borra. Sin pantalla táctil ni lápiz, el cliente firma el formulario en papel y usted lo certifica abajo, o elija el consentimiento verbal si la política lo permite.</translation>
    </message>
    <message>
        <location filename="../../ui/wizard/signature_pad.py" line="184"/>
        <source>Sign above the line</source>
        <translation>Firme encima de la línea</translation>
    </message>
</context>
<context>
    <name>StopSharingDialog</name>
    <message>
        <location filename="../../ui/profile/stop_sharing_dialog.py" line="25"/>
        <source>Stop sharing</source>
        <translation>Dejar de compartir</translation>
    </message>
    <message>
        <location filename="../../ui/profile/stop_sharing_dialog.py" line="29"/>
        <source>Stop sharing this client&apos;s information</source>
        <translation>Dejar de compartir la información de este cliente</translation>
    </message>
    <message>
        <location filename="../../ui/profile/stop_sharing_dialog.py" line="31"/>
        <source>From the effective date the client&apos;s information is Not Shared: other agencies no longer see it. The consent to enter data stands, so recording goes on. What was shared before is not called back.</source>
        <translation>Desde la fecha de efecto, la información del cliente es No compartida: las otras agencias ya no la ven. El consentimiento para registrar datos sigue en pie, así que el registro continúa. Lo que se compartió antes no se retira.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/stop_sharing_dialog.py" line="37"/>
        <source>&amp;Effective date</source>
        <translation>&amp;Fecha efectiva</translation>
    </message>
    <message>
        <location filename="../../ui/profile/stop_sharing_dialog.py" line="37"/>
        <source>Effective date</source>
        <translation>Fecha efectiva</translation>
    </message>
    <message>
        <location filename="../../ui/profile/stop_sharing_dialog.py" line="38"/>
        <source>Today, or the day the client asked.</source>
        <translation>Hoy, o el día en que lo pidió el cliente.</translation>
    </message>
    <message>
        <location filename="../../ui/profile/stop_sharing_dialog.py" line="41"/>
        <source>&amp;Reason (optional)</source>
        <translation>&amp;Motivo (opcional)</translation>
    </message>
    <message>
        <location filename="../../ui/profile/stop_sharing_dialog.py" line="41"/>
        <source>Reason the client gave</source>
        <translation>Motivo que dio el cliente</translation>
    </message>
    <message>
        <location filename="../../ui/profile/stop_sharing_dialog.py" line="43"/>
        <source>The &amp;client asked to stop sharing their information</source>
        <translation>El &amp;cliente pidió dejar de compartir su información</translation>
    </message>
    <message>
        <location filename="../../ui/profile/stop_sharing_dialog.py" line="44"/>
        <source>The client asked to stop sharing</source>
        <translation>El cliente pidió dejar de compartir</translation>
    </message>
    <message>
        <location filename="../../ui/profile/stop_sharing_dialog.py" line="48"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../ui/profile/stop_sharing_dialog.py" line="48"/>
        <source>Cancel without changing sharing</source>
        <translation>Cancelar sin cambiar lo que se comparte</translation>
    </message>
    <message>
        <location filename="../../ui/profile/stop_sharing_dialog.py" line="48"/>
        <source>&amp;Stop sharing</source>
        <translation>&amp;Dejar de compartir</translation>
    </message>
    <message>
        <location filename="../../ui/profile/stop_sharing_dialog.py" line="65"/>
        <source>Not Shared from {date}; the change is in the outbox.</source>
        <translation>No compartida desde el {date}; el cambio está en la bandeja de salida.</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <location filename="../../ui/export/summary_page.py" line="35"/>
        <source>Export written</source>
        <translation>Exportación completada</translation>
    </message>
    <message>
        <location filename="../../ui/export/summary_page.py" line="39"/>
        <source>Saved to</source>
        <translation>Guardado en</translation>
    </message>
    <message>
        <location filename="../../ui/export/summary_page.py" line="43"/>
        <source>Export options</source>
        <translation>Opciones de la exportación</translation>
    </message>
    <message>
        <location filename="../../ui/export/summary_page.py" line="51"/>
        <location filename="../../ui/export/summary_page.py" line="57"/>
        <source>Rows per file</source>
        <translation>Filas por archivo</translation>
    </message>
    <message>
        <location filename="../../ui/export/summary_page.py" line="74"/>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location filename="../../ui/export/summary_page.py" line="80"/>
        <location filename="../../ui/export/summary_page.py" line="140"/>
        <source>People exported without identifiers</source>
        <translation>Personas exportadas sin identificadores</translation>
    </message>
    <message>
        <location filename="../../ui/export/summary_page.py" line="83"/>
        <source>Notes from the export</source>
        <translation>Notas de la exportación</translation>
    </message>
    <message>
        <location filename="../../ui/export/summary_page.py" line="86"/>
        <source>Before uploading, check the file. Send it only over an encrypted channel, never as a plain e-mail attachment (MO-TX-1).</source>
        <translation>Antes de subirlo, compruebe el archivo. Envíelo solo por un canal cifrado, nunca como un simple adjunto de correo electrónico (MO-TX-1).</translation>
    </message>
    <message>
        <location filename="../../ui/export/summary_page.py" line="92"/>
        <source>Chec&amp;k this export</source>
        <translation>Co&amp;mprobar esta exportación</translation>
    </message>
    <message>
        <location filename="../../ui/export/summary_page.py" line="93"/>
        <source>Check this export before upload</source>
        <translation>Comprobar esta exportación antes de subirla</translation>
    </message>
    <message>
        <location filename="../../ui/export/summary_page.py" line="94"/>
        <source>Open &amp;folder</source>
        <translation>&amp;Abrir carpeta</translation>
    </message>
    <message>
        <location filename="../../ui/export/summary_page.py" line="95"/>
        <source>Open the folder holding the export</source>
        <translation>Abrir la carpeta que contiene la exportación</translation>
    </message>
    <message>
        <location filename="../../ui/export/summary_page.py" line="96"/>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <location filename="../../ui/export/summary_page.py" line="97"/>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../ui/export/summary_page.py" line="108"/>
        <source>Saved to {path}</source>
        <translation>Guardado en {path}</translation>
    </message>
    <message>
        <location filename="../../ui/export/summary_page.py" line="109"/>
        <source>Delta (ExportDirective 1)</source>
        <translation>Delta (ExportDirective 1)</translation>
    </message>
    <message>
        <location filename="../../ui/export/summary_page.py" line="110"/>
        <source>Full refresh (ExportDirective 2)</source>
        <translation>Actualización completa (ExportDirective 2)</translation>
    </message>
    <message>
        <location filename="../../ui/export/summary_page.py" line="111"/>
        <source>{n} project(s)</source>
        <translation>{n} proyecto(s)</translation>
    </message>
    <message>
        <location filename="../../ui/export/summary_page.py" line="112"/>
        <source>all projects</source>
        <translation>todos los proyectos</translation>
    </message>
    <message>
        <location filename="../../ui/export/summary_page.py" line="113"/>
        <source>names and SSNs hashed (HashStatus 4)</source>
        <translation>nombres y SSN con hash (HashStatus 4)</translation>
    </message>
    <message>
        <location filename="../../ui/export/summary_page.py" line="114"/>
        <source>not hashed (HashStatus 1)</source>
        <translation>sin hash (HashStatus 1)</translation>
    </message>
    <message>
        <location filename="../../ui/export/summary_page.py" line="115"/>
        <source>{kind} · {start} to {end} · {scope} · {hashing}
ExportID {id}</source>
        <translation>{kind} · {start} a {end} · {scope} · {hashing}
ExportID {id}</translation>
    </message>
    <message>
        <location filename="../../ui/export/summary_page.py" line="120"/>
        <source>{rows} rows in {filled} of {files} files; the others hold their header only.</source>
        <translation>{rows} filas en {filled} de {files} archivos; los demás solo tienen el encabezado.</translation>
    </message>
    <message>
        <location filename="../../ui/export/summary_page.py" line="123"/>
        <source>{n} person(s) were exported without identifiers because their consent does not allow sharing (Not Shared, declined, revoked, expired or locked).</source>
        <translation>{n} persona(s) se exportaron sin identificadores porque su consentimiento no permite compartir (No compartido, rechazado, revocado, vencido o bloqueado).</translation>
    </message>
    <message>
        <location filename="../../ui/export/summary_page.py" line="127"/>
        <source>For this agency&apos;s own HMIS: every client in full. {n} record(s) to import as Not Shared or locked are listed in {file}, beside the zip; give it to the HMIS administrator with the upload.</source>
        <translation>Para el HMIS propio de esta agencia: todos los clientes completos. {n} registro(s) para importar como No compartidos o bloqueados figuran en {file}, junto al zip; entréguelo al administrador del HMIS con la carga.</translation>
    </message>
    <message>
        <location filename="../../ui/export/summary_page.py" line="132"/>
        <source>For an outside entity: de-identified, {n} person(s) without names, SSN or date of birth. {file}, beside the zip, says what it keeps.</source>
        <translation>Para una entidad externa: desidentificado, {n} persona(s) sin nombres, SSN ni fecha de nacimiento. {file}, junto al zip, indica lo que conserva.</translation>
    </message>
    <message>
        <location filename="../../ui/export/summary_page.py" line="134"/>
        <source>For an outside entity: identifying data under CoC approval {ref}, as consent allows. {file}, beside the zip, records the approval.</source>
        <translation>Para una entidad externa: datos identificativos con la aprobación {ref} de la CoC, según lo permita el consentimiento. {file}, junto al zip, registra la aprobación.</translation>
    </message>
    <message>
        <location filename="../../ui/export/summary_page.py" line="138"/>
        <source>Records to import as Not Shared or locked</source>
        <translation>Registros para importar como No compartidos o bloqueados</translation>
    </message>
</context>
<context>
    <name>SyncTexts</name>
    <message>
        <location filename="../../ui/sync/texts.py" line="33"/>
        <source>{m} min</source>
        <translation>{m} min</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="34"/>
        <source>{h} h</source>
        <translation>{h} h</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="39"/>
        <source>{n} bytes</source>
        <translation>{n} bytes</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="41"/>
        <source>{n:.0f} KiB</source>
        <translation>{n:.0f} KiB</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="42"/>
        <source>{n:.1f} MiB</source>
        <translation>{n:.1f} MiB</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="47"/>
        <source>1 record</source>
        <translation>1 registro</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="48"/>
        <source>{n} records</source>
        <translation>{n} registros</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="53"/>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="54"/>
        <source>Enrollment</source>
        <translation>Inscripción</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="55"/>
        <source>Exit</source>
        <translation>Salida</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="56"/>
        <source>Service</source>
        <translation>Servicio</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="57"/>
        <source>Contact (living situation)</source>
        <translation>Contacto (situación de vivienda)</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="58"/>
        <source>Case note</source>
        <translation>Nota del caso</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="59"/>
        <source>Case note deletion request</source>
        <translation>Solicitud de borrado de una nota del caso</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="60"/>
        <source>Consent</source>
        <translation>Consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="61"/>
        <source>Project</source>
        <translation>Proyecto</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="67"/>
        <source>{done} of {total} · {bytes_done} of {bytes_total}</source>
        <translation>{done} de {total} · {bytes_done} de {bytes_total}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="71"/>
        <source>trying again in {s:.0f} s</source>
        <translation>nuevo intento en {s:.0f} s</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="84"/>
        <source>Sync cancelled; {n} still waiting, to be sent with the next sync.</source>
        <translation>Sincronización cancelada; pendientes: {n}, para la próxima sincronización.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="87"/>
        <source>Nothing was waiting to be sent.</source>
        <translation>No había nada pendiente de enviar.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="88"/>
        <source>Sent {n}: {new} new, {had} the server already had.</source>
        <translation>Enviados: {n} (nuevos: {new}; ya estaban en el servidor: {had}).</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="91"/>
        <source>1 was refused; see Refused records.</source>
        <translation>1 fue rechazado; vea Registros rechazados.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="92"/>
        <source>{n} were refused; see Refused records.</source>
        <translation>{n} fueron rechazados; vea Registros rechazados.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="101"/>
        <source>Another sync was running on this device at {t}.</source>
        <translation>A las {t} ya había otra sincronización en curso en este equipo.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="103"/>
        <source>Sync failed at {t}: {why}</source>
        <translation>La sincronización falló a las {t}: {why}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="105"/>
        <source>Sync cancelled at {t}.</source>
        <translation>Sincronización cancelada a las {t}.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="108"/>
        <source>Synced at {t}.</source>
        <translation>Sincronizado a las {t}.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="109"/>
        <source>Synced {n} at {t}.</source>
        <translation>Sincronizado a las {t}: {n}.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/texts.py" line="111"/>
        <source>Next try at {t}.</source>
        <translation>Próximo intento a las {t}.</translation>
    </message>
</context>
<context>
    <name>SyncWindow</name>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="83"/>
        <source>Sync</source>
        <translation>Sincronización</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="131"/>
        <source>Sync with the central HMIS</source>
        <translation>Sincronizar con el HMIS central</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="166"/>
        <source>&amp;Sync now</source>
        <translation>&amp;Sincronizar ahora</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="168"/>
        <source>Sync now</source>
        <translation>Sincronizar ahora</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="170"/>
        <source>&amp;Cancel sync</source>
        <translation>&amp;Cancelar la sincronización</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="171"/>
        <source>Cancel the sync</source>
        <translation>Cancelar la sincronización</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="178"/>
        <source>Sync progress</source>
        <translation>Progreso de la sincronización</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="192"/>
        <source>Sync result</source>
        <translation>Resultado de la sincronización</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="142"/>
        <source>Batch history and refused records</source>
        <translation>Historial de lotes y registros rechazados</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="87"/>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="87"/>
        <source>Records</source>
        <translation>Registros</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="87"/>
        <source>New</source>
        <translation>Nuevos</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="88"/>
        <source>Already had</source>
        <translation>Ya los tenía</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="88"/>
        <source>Refused</source>
        <translation>Rechazados</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="88"/>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="89"/>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="145"/>
        <source>Batch history</source>
        <translation>Historial de lotes</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="147"/>
        <source>Batch &amp;history</source>
        <translation>&amp;Historial de lotes</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="201"/>
        <source>The server refused these records and they wait here, unsent, until you send them again. Put right what the reason names first (usually by correcting and saving the record), or send again once the server&apos;s rules were updated.</source>
        <translation>El servidor rechazó estos registros y esperan aquí, sin enviar, hasta que los vuelva a enviar. Corrija primero lo que indica el motivo (normalmente corrigiendo y guardando el registro), o vuelva a enviarlos cuando se hayan actualizado las reglas del servidor.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="90"/>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="90"/>
        <source>Collected</source>
        <translation>Recopilado</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="90"/>
        <source>Deadline</source>
        <translation>Plazo</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="91"/>
        <source>Server&apos;s reason</source>
        <translation>Motivo del servidor</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="207"/>
        <source>Refused records</source>
        <translation>Registros rechazados</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="211"/>
        <source>Send &amp;again</source>
        <translation>R&amp;eenviar</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="212"/>
        <source>Send the selected refused records again</source>
        <translation>Volver a enviar los registros rechazados seleccionados</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="213"/>
        <source>Send all a&amp;gain</source>
        <translation>Reenviar &amp;todos</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="214"/>
        <source>Send every refused record again</source>
        <translation>Volver a enviar todos los registros rechazados</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="151"/>
        <location filename="../../ui/sync/sync_window.py" line="314"/>
        <source>&amp;Refused records</source>
        <translation>Registros &amp;rechazados</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="223"/>
        <source>Cl&amp;ose</source>
        <translation>Cerr&amp;ar</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="224"/>
        <source>Close the sync screen</source>
        <translation>Cerrar la pantalla de sincronización</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="261"/>
        <source>Reading…</source>
        <translation>Leyendo…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="300"/>
        <source>Acknowledged</source>
        <translation>Confirmado</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="301"/>
        <source>Error: {why}</source>
        <translation>Error: {why}</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="301"/>
        <source>not recorded</source>
        <translation>no registrado</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="306"/>
        <source>Last batch sent {when}.</source>
        <translation>Último lote enviado: {when}.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="307"/>
        <source>Nothing has been sent from this device yet.</source>
        <translation>Todavía no se ha enviado nada desde este equipo.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="313"/>
        <source>&amp;Refused records ({n})</source>
        <translation>Registros &amp;rechazados ({n})</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="338"/>
        <source>Cancelling after the current request…</source>
        <translation>Cancelando después de la solicitud en curso…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="342"/>
        <source>Syncing in the background…</source>
        <translation>Sincronizando en segundo plano…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="343"/>
        <source>Connecting…</source>
        <translation>Conectando…</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="400"/>
        <source>{n} back in the outbox; they go with the next sync.</source>
        <translation>De vuelta en la bandeja de salida: {n}, para la próxima sincronización.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/sync_window.py" line="425"/>
        <source>This device is enrolled with {host} for {agency}.</source>
        <translation>Este equipo está vinculado a {host} para {agency}.</translation>
    </message>
</context>
<context>
    <name>TimelinessBanner</name>
    <message>
        <location filename="../../ui/sync/timeliness_banner.py" line="67"/>
        <source>&amp;Open sync screen</source>
        <translation>Abrir &amp;sincronización</translation>
    </message>
    <message>
        <location filename="../../ui/sync/timeliness_banner.py" line="68"/>
        <source>Open the sync screen</source>
        <translation>Abrir la pantalla de sincronización</translation>
    </message>
    <message>
        <location filename="../../ui/sync/timeliness_banner.py" line="69"/>
        <source>Timeliness warning</source>
        <translation>Aviso de plazo</translation>
    </message>
    <message>
        <location filename="../../ui/sync/timeliness_banner.py" line="79"/>
        <source>Overdue:</source>
        <translation>Vencidos:</translation>
    </message>
    <message>
        <location filename="../../ui/sync/timeliness_banner.py" line="80"/>
        <source>1 record has</source>
        <translation>1 registro ha</translation>
    </message>
    <message>
        <location filename="../../ui/sync/timeliness_banner.py" line="81"/>
        <source>{n} records have</source>
        <translation>{n} registros han</translation>
    </message>
    <message>
        <location filename="../../ui/sync/timeliness_banner.py" line="82"/>
        <source>{count} passed the {w}-hour window without reaching the central HMIS.</source>
        <translation>{count} superado el plazo de {w} horas sin llegar al HMIS central.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/timeliness_banner.py" line="85"/>
        <source>1 more is due within {h} hours.</source>
        <translation>1 más vence en menos de {h} horas.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/timeliness_banner.py" line="87"/>
        <source>{n} more are due within {h} hours.</source>
        <translation>{n} más vencen en menos de {h} horas.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/timeliness_banner.py" line="91"/>
        <source>Due soon:</source>
        <translation>Por vencer:</translation>
    </message>
    <message>
        <location filename="../../ui/sync/timeliness_banner.py" line="92"/>
        <source>1 record must</source>
        <translation>1 registro debe</translation>
    </message>
    <message>
        <location filename="../../ui/sync/timeliness_banner.py" line="93"/>
        <source>{n} records must</source>
        <translation>{n} registros deben</translation>
    </message>
    <message>
        <location filename="../../ui/sync/timeliness_banner.py" line="94"/>
        <source>{count} reach the central HMIS within {h} hours ({w}-hour window from collection).</source>
        <translation>{count} llegar al HMIS central en menos de {h} horas (plazo de {w} horas desde la recopilación).</translation>
    </message>
    <message>
        <location filename="../../ui/sync/timeliness_banner.py" line="101"/>
        <source>Sync as soon as the device is online.</source>
        <translation>Sincronice en cuanto el equipo tenga conexión.</translation>
    </message>
    <message>
        <location filename="../../ui/sync/timeliness_banner.py" line="103"/>
        <source>Records are sent by themselves while someone is signed in and the device is online.</source>
        <translation>Los registros se envían solos mientras alguien tenga la sesión iniciada y el equipo esté en línea.</translation>
    </message>
</context>
<context>
    <name>TwoStepDialog</name>
    <message>
        <location filename="../../ui/signin/two_step_dialog.py" line="59"/>
        <source>Two-step sign-in</source>
        <translation>Verificación en dos pasos</translation>
    </message>
    <message>
        <location filename="../../ui/signin/two_step_dialog.py" line="71"/>
        <source>Set up two-step sign-in</source>
        <translation>Configurar la verificación en dos pasos</translation>
    </message>
    <message>
        <location filename="../../ui/signin/two_step_dialog.py" line="75"/>
        <source>After your password, this device will also ask for a 6-digit code from an authenticator app on your phone. Someone who saw your password cannot sign in without your phone. Scan the QR code with the app, or type the key into it by hand.</source>
        <translation>Después de su contraseña, este dispositivo también le pedirá un código de 6 dígitos de una aplicación de autenticación en su teléfono. Quien haya visto su contraseña no podrá iniciar sesión sin su teléfono. Escanee el código QR con la aplicación o escriba la clave a mano.</translation>
    </message>
    <message>
        <location filename="../../ui/signin/two_step_dialog.py" line="83"/>
        <source>QR code for the authenticator app</source>
        <translation>Código QR para la aplicación de autenticación</translation>
    </message>
    <message>
        <location filename="../../ui/signin/two_step_dialog.py" line="86"/>
        <source>Key to type by hand:</source>
        <translation>Clave para escribir a mano:</translation>
    </message>
    <message>
        <location filename="../../ui/signin/two_step_dialog.py" line="93"/>
        <source>Key for the authenticator app</source>
        <translation>Clave para la aplicación de autenticación</translation>
    </message>
    <message>
        <location filename="../../ui/signin/two_step_dialog.py" line="96"/>
        <source>&amp;Code the app shows now:</source>
        <translation>&amp;Código que muestra ahora la aplicación:</translation>
    </message>
    <message>
        <location filename="../../ui/signin/two_step_dialog.py" line="100"/>
        <source>Code from the authenticator app</source>
        <translation>Código de la aplicación de autenticación</translation>
    </message>
    <message>
        <location filename="../../ui/signin/two_step_dialog.py" line="116"/>
        <source>Two-step sign-in is on</source>
        <translation>La verificación en dos pasos está activada</translation>
    </message>
    <message>
        <location filename="../../ui/signin/two_step_dialog.py" line="120"/>
        <source>If you lose your phone, each of these recovery codes works once instead of a code. They are shown only now: write them down and keep them away from this laptop.</source>
        <translation>Si pierde su teléfono, cada uno de estos códigos de recuperación sirve una sola vez en lugar de un código. Solo se muestran ahora: anótelos y guárdelos lejos de este portátil.</translation>
    </message>
    <message>
        <location filename="../../ui/signin/two_step_dialog.py" line="127"/>
        <source>Recovery codes</source>
        <translation>Códigos de recuperación</translation>
    </message>
    <message>
        <location filename="../../ui/signin/two_step_dialog.py" line="132"/>
        <location filename="../../ui/signin/two_step_dialog.py" line="133"/>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../ui/signin/two_step_dialog.py" line="134"/>
        <source>&amp;Turn on</source>
        <translation>&amp;Activar</translation>
    </message>
    <message>
        <location filename="../../ui/signin/two_step_dialog.py" line="135"/>
        <source>Turn on two-step sign-in</source>
        <translation>Activar la verificación en dos pasos</translation>
    </message>
    <message>
        <location filename="../../ui/signin/two_step_dialog.py" line="137"/>
        <source>&amp;Done</source>
        <translation>&amp;Listo</translation>
    </message>
    <message>
        <location filename="../../ui/signin/two_step_dialog.py" line="138"/>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="52"/>
        <location filename="../../ui/admin/users_dialog.py" line="55"/>
        <source>Users</source>
        <translation>Usuarios</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="58"/>
        <source>&amp;Accounts on this device</source>
        <translation>&amp;Cuentas en este dispositivo</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="59"/>
        <source>User name</source>
        <translation>Nombre de usuario</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="59"/>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="59"/>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="59"/>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="61"/>
        <source>&amp;Disable</source>
        <translation>&amp;Desactivar</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="62"/>
        <source>&amp;Enable</source>
        <translation>&amp;Activar</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="63"/>
        <source>&amp;Reset password</source>
        <translation>&amp;Restablecer contraseña</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="65"/>
        <source>Remove &amp;two-step sign-in</source>
        <translation>Quitar la verificación en dos &amp;pasos</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="67"/>
        <source>Record &amp;training…</source>
        <translation>Registrar &amp;capacitación…</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="74"/>
        <source>Add a user</source>
        <translation>Añadir un usuario</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="84"/>
        <source>User &amp;name</source>
        <translation>&amp;Nombre de usuario</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="84"/>
        <source>New user&apos;s user name</source>
        <translation>Nombre de usuario del nuevo usuario</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="85"/>
        <source>&amp;Full name</source>
        <translation>Nombre &amp;completo</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="85"/>
        <source>New user&apos;s full name</source>
        <translation>Nombre completo del nuevo usuario</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="86"/>
        <source>R&amp;ole</source>
        <translation>R&amp;ol</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="86"/>
        <source>New user&apos;s role</source>
        <translation>Rol del nuevo usuario</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="93"/>
        <source>HMIS Lead&apos;s &amp;grant code</source>
        <translation>Código de la a&amp;gencia líder de HMIS</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="93"/>
        <source>HMIS Lead&apos;s grant code</source>
        <translation>Código de concesión de la agencia líder de HMIS</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="94"/>
        <source>Only the HMIS Lead gives this role: enter the one-time code the Lead issued for this user and role; the device checks it with the Lead&apos;s server.</source>
        <translation>Solo la agencia líder de HMIS otorga este rol: escriba el código de un solo uso que la agencia líder emitió para este usuario y este rol; el dispositivo lo comprueba con el servidor de la agencia líder.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="100"/>
        <source>They completed this pack&apos;s agreements and training on</source>
        <translation>Completó los acuerdos y la capacitación de este paquete el</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="107"/>
        <source>Agreements and training completed on</source>
        <translation>Acuerdos y capacitación completados el</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="115"/>
        <source>&amp;Add user</source>
        <translation>&amp;Añadir usuario</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="132"/>
        <source>Temporary password</source>
        <translation>Contraseña temporal</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="136"/>
        <source>&amp;Close</source>
        <translation>&amp;Cerrar</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="178"/>
        <source>Disabled</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="178"/>
        <source>Locked out</source>
        <translation>Bloqueado por intentos fallidos</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="179"/>
        <source>Must change password</source>
        <translation>Debe cambiar la contraseña</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="180"/>
        <source>Two-step sign-in</source>
        <translation>Verificación en dos pasos</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="181"/>
        <source>Training or agreement missing</source>
        <translation>Falta capacitación o acuerdo</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="183"/>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="200"/>
        <location filename="../../ui/admin/users_dialog.py" line="217"/>
        <location filename="../../ui/admin/users_dialog.py" line="226"/>
        <source>Select a user in the list first.</source>
        <translation>Primero seleccione un usuario en la lista.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="208"/>
        <source>{name} now signs in with the password alone until they set up two-step sign-in again.</source>
        <translation>{name} inicia sesión ahora solo con la contraseña hasta que vuelva a configurar la verificación en dos pasos.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="210"/>
        <source>{name} has not set up two-step sign-in.</source>
        <translation>{name} no ha configurado la verificación en dos pasos.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="221"/>
        <source>Recorded for {name}.</source>
        <translation>Registrado para {name}.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="241"/>
        <source>{name} is disabled and can no longer sign in.</source>
        <translation>{name} está desactivado y ya no puede iniciar sesión.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="243"/>
        <source>Temporary password for {name}; give it to them in person. They must change it at the first sign-in:</source>
        <translation>Contraseña temporal para {name}; entréguesela en persona. Debe cambiarla en el primer inicio de sesión:</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="251"/>
        <source>Enter a user name.</source>
        <translation>Escriba un nombre de usuario.</translation>
    </message>
    <message>
        <location filename="../../ui/admin/users_dialog.py" line="270"/>
        <source>Added {name}. Temporary password; give it to them in person. They must change it at the first sign-in:</source>
        <translation>Se añadió a {name}. Contraseña temporal; entréguesela en persona. Debe cambiarla en el primer inicio de sesión:</translation>
    </message>
</context>
<context>
    <name>WizardConsentPrint</name>
    <message>
        <location filename="../../ui/documents/wizard_hook.py" line="23"/>
        <source>P&amp;rint the consent form…</source>
        <translation>Imp&amp;rimir el formulario de consentimiento…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/wizard_hook.py" line="24"/>
        <source>Preview and print the consent form</source>
        <translation>Vista previa e impresión del formulario de consentimiento</translation>
    </message>
    <message>
        <location filename="../../ui/documents/wizard_hook.py" line="25"/>
        <source>Save consent form as P&amp;DF…</source>
        <translation>Guardar el formulario de consentimiento como P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../ui/documents/wizard_hook.py" line="26"/>
        <source>Save the consent form as PDF</source>
        <translation>Guardar el formulario de consentimiento como PDF</translation>
    </message>
</context>
</TS>

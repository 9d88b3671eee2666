# As at run time (sqlcipher3/__init__.py), the package is its dbapi2 module; a star
# import in a stub re-exports every public name.
from sqlcipher3.dbapi2 import *  # noqa: F403 (the runtime module does the same)

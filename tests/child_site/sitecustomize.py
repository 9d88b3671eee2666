"""Run at the start of every child process the tests start (``tests/support.child_env``
puts this folder first on ``PYTHONPATH``): the child is part of a test, so the
key-derivation test switch is honoured there as in the test process itself
(``app.settings.enable_test_mode``). The production command never loads this file."""

try:
    from app.settings import enable_test_mode
except ImportError:  # a child that is not the app (pip, before the app is installed)
    pass
else:
    enable_test_mode()

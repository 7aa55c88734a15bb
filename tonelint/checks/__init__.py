"""Built-in Python rules, one module per family. Each module exports ``RULES``."""

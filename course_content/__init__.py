"""The suite's courses as OLX, importable in Studio and loaded by the sandbox."""

"""What a package imports from another one, read from its source (for the rooms' layering tests)."""
import ast
from pathlib import Path


def imports_of(package_dir, prefix):
    """``(file name, module or name)`` for every absolute import in ``package_dir`` that reaches the
    package ``prefix`` (``from fd_progress import api`` gives ``fd_progress.api``)."""
    for path in sorted(Path(package_dir).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = ([f"{node.module}.{alias.name}" for alias in node.names] if node.module == prefix
                         else [node.module])
            else:
                continue
            yield from ((path.name, name) for name in names if name == prefix or name.startswith(prefix + "."))

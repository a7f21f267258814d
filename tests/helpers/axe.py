"""axe-core accessibility checks of the page currently open in a selenium browser."""
from pathlib import Path

AXE_SCRIPT = Path(__file__).resolve().parents[1] / "js" / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = ("serious", "critical")

_RUN_AXE = """
const done = arguments[arguments.length - 1];
const context = arguments[0] || document;
const options = Object.assign({resultTypes: ["violations"]}, arguments[1] || {});
axe.run(context, options).then(r => done({violations: r.violations}), e => done({error: String(e)}));
"""


def axe_source():
    if not AXE_SCRIPT.exists():
        raise RuntimeError(f"{AXE_SCRIPT} is missing: run `npm ci` in tests/js (make test does).")
    return AXE_SCRIPT.read_text(encoding="utf-8")


def run_axe(driver, context=None, options=None, impacts=BLOCKING_IMPACTS):
    """Run axe-core on the current page; return its violations of the given impacts.

    Each violation is ``{"id", "impact", "help", "targets"}`` where ``targets`` lists the CSS
    selectors of the offending elements, so ``assert run_axe(driver) == []`` fails readably.
    """
    if not driver.execute_script("return typeof window.axe === 'object';"):
        driver.execute_script(axe_source())
    driver.set_script_timeout(60)
    result = driver.execute_async_script(_RUN_AXE, context, options)
    if "error" in result:
        raise RuntimeError(f"axe-core failed: {result['error']}")
    return [
        {
            "id": violation["id"],
            "impact": violation["impact"],
            "help": violation["help"],
            "targets": [" ".join(map(str, node["target"])) for node in violation["nodes"]],
        }
        for violation in result["violations"]
        if violation["impact"] in impacts
    ]

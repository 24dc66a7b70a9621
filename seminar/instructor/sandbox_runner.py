"""Runs inside the sandbox (see :mod:`seminar.instructor.sandbox`); never imported by the grader.

Reads one JSON object on stdin: ``code`` (the student's cell), ``names`` (the question's
given values), ``call`` (the function to call) and ``inputs`` (a list of argument lists).
Prints one JSON object: ``{"outputs": [...]}``, each output ``{"value": ...}`` or
``{"error": "..."}``; or ``{"error": "..."}`` if the code itself failed.
"""
import json
import os
import sys


def _drop_root():
    # Under a root grader the sandbox has no user namespace: become "nobody" (65534),
    # so the process limit applies and no capability is left.
    if os.getuid() == 0:
        os.setgroups([])
        os.setgid(65534)
        os.setuid(65534)


def plain(value, depth=0):
    """A JSON-able copy of a result (numbers, text, lists, dicts); anything else as text."""
    from numbers import Integral, Real

    if depth > 20:
        return {"repr": "nested too deeply"}
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, Integral):
        return int(value)
    if isinstance(value, Real):
        return float(value)
    if isinstance(value, (list, tuple)):
        return [plain(v, depth + 1) for v in list(value)[:10_000]]
    if isinstance(value, dict):
        return {str(k): plain(v, depth + 1) for k, v in list(value.items())[:10_000]}
    return {"repr": f"{type(value).__name__}: {repr(value)[:200]}"}


def main():
    _drop_root()
    request = json.loads(sys.stdin.read())
    sys.path.insert(0, request.get("kit", "/kit"))
    out = sys.stdout
    sys.stdout = open(os.devnull, "w")  # the student's prints do not mix with the answer
    namespace = dict(request["names"])
    namespace["check"] = lambda *args, **kwargs: None
    try:
        exec(compile(request["code"], "<answer cell>", "exec"), namespace)
        function = namespace[request["call"]]
    except BaseException as exc:  # noqa: BLE001 - anything the student's code raises
        out.write(json.dumps({"error": f"{type(exc).__name__}: {str(exc)[:200]}"}))
        return
    outputs = []
    for args in request["inputs"]:
        try:
            outputs.append({"value": plain(function(*args))})
        except BaseException as exc:  # noqa: BLE001
            outputs.append({"error": f"{type(exc).__name__}: {str(exc)[:200]}"})
    out.write(json.dumps(outputs and {"outputs": outputs}))
    out.flush()


if __name__ == "__main__":
    main()

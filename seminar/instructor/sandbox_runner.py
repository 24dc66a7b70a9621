"""Runs inside the sandbox (see :mod:`seminar.instructor.sandbox`); never imported by the grader.

Reads one JSON object on stdin: ``setup`` (the exercise's own import lines, from the kit's
copy of the exercise, each run on its own), ``names`` (the question's given values),
``before`` (the student's earlier optional answer cells, each run on its own, errors
ignored), ``code`` (the student's cell), ``call`` (the function to call), ``inputs`` (a list
of argument lists) and ``arrays`` (argument positions turned into numpy arrays).
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
    if hasattr(value, "columns") and hasattr(value, "to_dict"):  # a pandas DataFrame
        return {"columns": {str(c): plain(list(value[c])[:10_000], depth + 1)
                            for c in list(value.columns)[:100]}, "rows": len(value)}
    if hasattr(value, "tolist") and callable(value.tolist):       # numpy arrays and scalars, Series
        try:
            value = value.tolist()
        except Exception:  # noqa: BLE001
            return {"repr": f"{type(value).__name__}"}
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
    namespace = {}
    for line in request.get("setup", []):  # the exercise's imports (from the kit, not the student)
        try:
            exec(compile(line, "<exercise setup>", "exec"), namespace)
        except Exception:  # noqa: BLE001 - a module the sandbox hides; the student's code may not need it
            pass
    namespace.update(request["names"])
    namespace["check"] = lambda *args, **kwargs: None
    for source in request.get("before", []):
        try:
            exec(compile(source, "<earlier answer cell>", "exec"), namespace)
        except BaseException:  # noqa: BLE001 - an earlier answer's error is graded there
            pass
    arrays = request.get("arrays", [])
    if arrays:
        import numpy

        request["inputs"] = [[numpy.asarray(a) if i in arrays else a for i, a in enumerate(args)]
                             for args in request["inputs"]]
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

"""kata's harness for the Python track: calls a user's functions on cases.

kata writes this file into its cache and runs `python3 -u -B harness.py
REQUEST`, REQUEST being a JSON file that names the user's file, the cases'
arrays (an .npz whose keys are `<case index>/<input name>`), how to call each
part (the kata's `[parts.python]` tables), a random marker and where to write
records. Each record is one JSON line, flushed at once, so a crash half-way
leaves every finished part readable and the last `started` says where it
died. A part's outputs go to an .npz of their own.

Standard output and error belong to the user's code; the harness only writes
`<marker>:<case>:<part>\\x1e` there, so that what the code printed is shown
under the case that printed it. Nothing here ever imports a reference.
"""

import json
import os
import sys
import time
import traceback

REQUEST = None
RECORDS = None
OUT = sys.stdout
ERR = sys.stderr


def record(obj):
    RECORDS.write(json.dumps(obj) + "\n")
    RECORDS.flush()


def setup_error(message, message_zh):
    record({"setup_error": message, "setup_error_zh": message_zh})
    sys.exit(0)


def externally_managed():
    """Whether pip refuses to install into this Python (PEP 668: a system
    Python outside a virtualenv, as on Debian 12 and Ubuntu 23.04 on)."""
    try:
        import sysconfig

        in_venv = sys.prefix != getattr(sys, "base_prefix", sys.prefix)
        marker = os.path.join(sysconfig.get_path("stdlib"), "EXTERNALLY-MANAGED")
        return not in_venv and os.path.exists(marker)
    except Exception:
        return False


def install_numpy(upgrade):
    """How to get NumPy for this Python: (English, Chinese)."""
    if externally_managed():
        venv = (
            "`python3 -m venv ~/.kata-venv && ~/.kata-venv/bin/pip install numpy`, "
            "then `export KATA_PYTHON=~/.kata-venv/bin/python`"
        )
        return (
            "%s is a system Python that pip may not change (externally managed): "
            "`sudo apt install python3-numpy`, or a virtualenv: %s" % (sys.executable, venv),
            "%s 是 pip 不能改动的系统 Python（externally managed）："
            "用 `sudo apt install python3-numpy`，或建一个虚拟环境：%s" % (sys.executable, venv),
        )
    pip = "`%s -m pip install %snumpy`" % (sys.executable, "-U " if upgrade else "")
    return (
        "install it with %s (or point KATA_PYTHON at a Python that has it)" % pip,
        "请用 %s 安装（或让 KATA_PYTHON 指向装有它的 Python）" % pip,
    )


class BadInput(Exception):
    """The case does not fit the description: a fixture fault."""


class BadReturn(Exception):
    """The function returned something that is not the outputs asked for;
    said in English and Chinese (`kata check --lang zh`)."""

    def __init__(self, en, zh):
        Exception.__init__(self, en)
        self.zh = zh


def main():
    global REQUEST, RECORDS
    with open(sys.argv[1], encoding="utf-8") as f:
        REQUEST = json.load(f)
    RECORDS = open(REQUEST["records"], "a", encoding="utf-8")
    if sys.version_info < (3, 9):
        setup_error(
            "Python %d.%d is too old for kata: install Python 3.9 or newer, "
            "or point KATA_PYTHON at one" % sys.version_info[:2],
            "Python %d.%d 对 kata 来说太旧了：请安装 Python 3.9 或更新版本，"
            "或让 KATA_PYTHON 指向它" % sys.version_info[:2],
        )
    # A syntax error is the track's compile error, shown as Python shows it,
    # before any case runs.
    try:
        with open(REQUEST["user_file"], "rb") as f:
            compile(f.read(), REQUEST["shown_file"], "exec")
    except (SyntaxError, ValueError) as e:
        record({"compile_error": "".join(traceback.format_exception_only(type(e), e))})
        sys.exit(0)
    try:
        import numpy
    except ImportError:
        how, how_zh = install_numpy(False)
        setup_error(
            "NumPy is not installed for %s: %s" % (sys.executable, how),
            "%s 没有安装 NumPy：%s" % (sys.executable, how_zh),
        )
    version = tuple(int(p) for p in numpy.__version__.split(".")[:2] if p.isdigit())
    if version < (1, 24):
        how, how_zh = install_numpy(True)
        setup_error(
            "NumPy %s is too old for kata (1.24 or newer): %s" % (numpy.__version__, how),
            "NumPy %s 对 kata 来说太旧了（需要 1.24 或更新版本）：%s" % (numpy.__version__, how_zh),
        )
    # The user's folder comes first, so `from prelude import Linear` works
    # and the harness's own folder is never searched.
    sys.path[0] = REQUEST["katas_dir"]
    run(numpy)
    record({"done": True})
    OUT.flush()
    ERR.flush()


def run(np):
    arrays = np.load(REQUEST["inputs"])
    by_case = {}
    for key in arrays.files:
        index, name = key.split("/", 1)
        by_case.setdefault(int(index), {})[name] = arrays[key]
    module, import_failure = None, None
    for case in REQUEST["cases"]:
        index = case["index"]
        inputs = by_case.get(index, {})
        for part in case["parts"]:
            marker = "%s:%d:%s\x1e" % (REQUEST["marker"], index, part)
            OUT.write(marker)
            OUT.flush()
            ERR.write(marker)
            ERR.flush()
            record({"started": [index, part]})
            if module is None and import_failure is None:
                # Imported under the first case: what the module prints at
                # import shows there.
                module, import_failure = import_user()
            if import_failure is not None:
                outcome, nanos = import_failure, 0
            else:
                outcome, nanos = call(np, module, part, inputs, index)
            flush_user_streams()
            record({"finished": [index, part], "outcome": outcome, "nanos": nanos})


def flush_user_streams():
    for stream in (sys.stdout, sys.stderr, OUT, ERR):
        try:
            stream.flush()
        except Exception:
            pass


def import_user():
    import importlib.util

    path = REQUEST["user_file"]
    spec = importlib.util.spec_from_file_location(REQUEST["kata"], path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[REQUEST["kata"]] = module
    try:
        spec.loader.exec_module(module)
    except SystemExit as e:
        exit_now(e)
    except NotImplementedError:
        return None, {"not_implemented": True}
    except RecursionError:
        return None, {"crash": "stack_overflow"}
    except MemoryError:
        return None, {"crash": "out_of_memory"}
    except BaseException as e:
        return None, raised(e)
    return module, None


def exit_now(e):
    """`sys.exit` in the user's code ends the program, as it would in Rust."""
    code = e.code
    if code is None:
        code = 0
    elif not isinstance(code, int):
        ERR.write("%s\n" % (code,))
        code = 1
    flush_user_streams()
    os._exit(code & 0xFF)


def call(np, module, part, inputs, index):
    spec = REQUEST["parts"][part]
    try:
        args = [argument(np, a, inputs) for a in spec["args"]]
    except BadInput as e:
        return {"bad_input": str(e)}, 0
    fn = getattr(module, part, None)
    if not callable(fn):
        return {
            "raised": {
                "exception": "AttributeError",
                "message": "%s defines no function `%s` (the stub does; `kata show %s` prints it)"
                % (REQUEST["shown_file"], part, REQUEST["kata"]),
                "message_zh": "%s 没有定义函数 `%s`（桩文件里有；`kata show %s` 会显示它）"
                % (REQUEST["shown_file"], part, REQUEST["kata"]),
                "location": None,
                "line": None,
            }
        }, 0
    positional, keywords = bind(fn, spec["args"], args)
    start = time.perf_counter_ns()
    try:
        result = fn(*positional, **keywords)
    except SystemExit as e:
        exit_now(e)
    except NotImplementedError:
        return {"not_implemented": True}, 0
    except RecursionError:
        return {"crash": "stack_overflow"}, 0
    except MemoryError:
        return {"crash": "out_of_memory"}, 0
    except BaseException as e:
        return raised(e, signature_of=fn if isinstance(e, TypeError) else None), 0
    nanos = time.perf_counter_ns() - start
    try:
        outputs = collect(np, spec, part, result, args)
    except BadReturn as e:
        # Not an exception of the user's: no type is shown, only what is
        # wrong with the value returned.
        return {
            "raised": {"exception": "", "message": str(e), "message_zh": e.zh, "location": None, "line": None}
        }, nanos
    except MemoryError:
        return {"crash": "out_of_memory"}, nanos
    except Exception as e:
        # Whatever the function returned, reading it must not end the run.
        why = "%s: %s" % (type(e).__name__, e)
        return {
            "raised": {
                "exception": "",
                "message": "the returned value could not be read (%s)" % why,
                "message_zh": "无法读取返回的值（%s）" % why,
                "location": None,
                "line": None,
            }
        }, nanos
    path = os.path.join(REQUEST["results"], "%d-%s.npz" % (index, part))
    np.savez(path, **outputs)
    return {"returned": path}, nanos


def bind(fn, specs, args):
    """The call's arguments: by position, as the stub orders them, unless
    the function names every one of them and only moved optional ones
    (`label_smoothing=0.0, ignore_index=None` last, as Python requires of
    defaults): then by name. Required parameters in another order than the
    stub's are called by position, as any caller of the stub's signature
    would call them."""
    import inspect

    names = [a.rstrip("?").partition(":")[0] for a in specs]
    required = [a.partition(":")[0] for a in specs if not a.endswith("?")]
    try:
        params = list(inspect.signature(fn).parameters.values())
    except (TypeError, ValueError):
        return args, {}
    by_name = [p.name for p in params if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY)]
    in_order = [p.name for p in params if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    if in_order[: len(names)] == names or not set(names) <= set(by_name):
        return args, {}
    places = [by_name.index(n) for n in required]
    if places != sorted(places):
        return args, {}
    return [], dict(zip(names, args))


def argument(np, spec, inputs):
    optional = spec.endswith("?")
    name, _, kind = spec.rstrip("?").partition(":")

    def need(key):
        if key not in inputs:
            raise BadInput("the case has no array `%s`" % key)
        return inputs[key]

    def linear(prefix):
        from_prelude = prelude()
        return from_prelude.Linear(need(prefix + ".weight").copy(), need(prefix + ".bias").copy())

    if kind in ("", "float", "int", "bool", "tuple", "bytes"):
        present = name in inputs
    elif kind == "list":
        present = name + ".0" in inputs
    elif kind == "linear":
        present = name + ".weight" in inputs
    elif kind == "linears":
        present = name + ".0.weight" in inputs
    elif kind == "mha":
        present = name + ".q.weight" in inputs
    else:
        raise BadInput("`%s`: unknown suffix `:%s` in [parts.python] args" % (spec, kind))
    if not present and optional:
        return None
    if kind == "":
        return need(name).copy()
    if kind == "float":
        return float(need(name))
    if kind == "int":
        return int(need(name))
    if kind == "bool":
        return bool(need(name))
    if kind == "tuple":
        return tuple(int(v) for v in need(name).ravel())
    if kind == "bytes":
        return bytes(int(v) for v in need(name).ravel())
    if kind == "list":
        items, i = [], 0
        while "%s.%d" % (name, i) in inputs:
            items.append(inputs["%s.%d" % (name, i)].copy())
            i += 1
        return items
    if kind == "linear":
        return linear(name)
    if kind == "linears":
        items, i = [], 0
        while "%s.%d.weight" % (name, i) in inputs:
            items.append(linear("%s.%d" % (name, i)))
            i += 1
        return items
    if kind == "mha":
        return prelude().MhaWeights(*(linear("%s.%s" % (name, p)) for p in "qkvo"))
    raise BadInput("unreachable")


def prelude():
    """`katas/prelude.py`, the classes the user's code sees."""
    try:
        import prelude as p

        return p
    except ImportError:
        raise BadInput("katas/prelude.py is missing: `kata init . --track python` writes it again")


def collect(np, spec, part, result, args):
    """The function's outputs by name, as float64, int64 or bool arrays."""
    outputs = {}
    names = spec["returns"]
    if len(names) == 1:
        values = [result]
    elif len(names) > 1:
        if not isinstance(result, (tuple, list)) or len(result) != len(names):
            wanted = ", ".join(n.split(".")[-1].rstrip("[]") for n in names)
            raise BadReturn(
                "`%s` should return a tuple of %d values (%s); it returned %s"
                % (part, len(names), wanted, describe(result)),
                "`%s` 应返回 %d 个值的元组（%s）；实际返回的是%s" % (part, len(names), wanted, describe(result, zh=True)),
            )
        values = list(result)
    else:
        values = []
    if len(names) == 1 and not names[0].endswith("[]"):
        several(np, spec, part, names[0], result)
    for name, value in zip(names, values):
        if name.endswith("[]"):
            name = name[:-2]
            if not isinstance(value, (tuple, list, np.ndarray)) or (isinstance(value, np.ndarray) and value.ndim == 0):
                raise BadReturn(
                    "`%s` should be a list of arrays; it is %s" % (name, describe(value)),
                    "`%s` 应是数组的列表；实际是%s" % (name, describe(value, zh=True)),
                )
            for i, item in enumerate(value):
                outputs["%s.%d" % (name, i)] = as_array(np, "%s.%d" % (name, i), item)
        else:
            outputs[name] = as_array(np, name, value)
    arg_names = [a.rstrip("?").partition(":")[0] for a in spec["args"]]
    for arg, name in spec.get("inplace", {}).items():
        value = args[arg_names.index(arg)]
        if isinstance(value, list):
            for i, item in enumerate(value):
                outputs["%s.%d" % (name, i)] = as_array(np, "%s.%d" % (name, i), item)
        else:
            outputs[name] = as_array(np, name, value)
    return outputs


def several(np, spec, part, name, result):
    """A tuple holding an array and more where one array is asked for: the
    in-place arguments returned with it, or a forward pass's cache."""
    if not isinstance(result, tuple) or len(result) < 2:
        return
    if not any(isinstance(v, np.ndarray) and v.ndim >= 1 for v in result):
        return
    try:
        if np.asarray(result).dtype.kind != "O":
            return  # rows of one array, as a tuple
    except Exception:
        pass

    def item(v, zh):
        if isinstance(v, np.ndarray):
            return ("形状为 %s 的数组" if zh else "an array %s") % (v.shape,)
        return ("%s" if zh else "a %s") % type(v).__name__

    short = name.split(".")[-1]
    what = "" if short == part else " (%s)" % short
    what_zh = "" if short == part else "（%s）" % short
    en = "`%s` should return one array%s; it returned a tuple of %d: %s" % (
        part,
        what,
        len(result),
        ", ".join(item(v, False) for v in result),
    )
    zh = "`%s` 应只返回一个数组%s；实际返回了 %d 个值的元组：%s" % (
        part,
        what_zh,
        len(result),
        "、".join(item(v, True) for v in result),
    )
    inplace = list(spec.get("inplace", {}))
    if inplace:
        en += ": %s %s updated in place, not returned" % (" and ".join(inplace), "is" if len(inplace) == 1 else "are")
        zh += "：%s 是原地更新的，不必返回" % "、".join(inplace)
    raise BadReturn(en, zh)


def describe(value, zh=False):
    if isinstance(value, (tuple, list)):
        if zh:
            return "长度为 %d 的 %s" % (len(value), type(value).__name__)
        return "a %s of %d" % (type(value).__name__, len(value))
    if value is None:
        return "None"
    if zh:
        return "类型为 %s 的值" % type(value).__name__
    return "a value of type %s" % type(value).__name__


def as_array(np, name, value):
    if value is None:
        raise BadReturn(
            "`%s` is None: the function returned nothing for it (a missing `return`?)" % name,
            "`%s` 是 None：函数没有为它返回任何值（漏了 `return`？）" % name,
        )
    try:
        a = np.asarray(value)
    except Exception as e:
        raise BadReturn(
            "`%s` is not an array NumPy can convert (%s)" % (name, e),
            "`%s` 不是 NumPy 能转换的数组（%s）" % (name, e),
        )
    if a.dtype.kind == "O" and a.size > 0:
        # An object array of rows (np.empty(n, dtype=object) filled with
        # lists or arrays) is numbers once its items are unpacked.
        try:
            unpacked = np.array(a.tolist())
        except Exception:
            unpacked = a
        if unpacked.dtype.kind in "fiub":
            a = unpacked
    kind = a.dtype.kind
    if kind == "f":
        return a.astype(np.float64)
    if kind in "iu":
        return a.astype(np.int64)
    if kind == "b":
        return a
    raise BadReturn(
        "`%s` has dtype %s; return numbers (a float64 or integer array)" % (name, a.dtype),
        "`%s` 的 dtype 是 %s；请返回数值（float64 或整数数组）" % (name, a.dtype),
    )


def import_hint(e):
    """Why an import failed, where Python's message does not say: (English,
    Chinese), or None."""
    text = str(e).lower()
    if any(s in text for s in ("failed to map segment", "cannot allocate memory", "bad_alloc")):
        # PyTorch alone reserves more address space than a kata's limit.
        return (
            " (the library does not fit in the kata's memory limit, %d MiB of address space; "
            "the katas are written with NumPy alone)" % REQUEST["memory_mb"],
            "（这个库放不进本题的内存上限，即 %d MiB 地址空间；本题只用 NumPy 就能写）" % REQUEST["memory_mb"],
        )
    if isinstance(e, ModuleNotFoundError):
        return (
            " (kata runs your file with %s, which does not have it; the katas need NumPy alone)" % sys.executable,
            "（kata 用 %s 运行你的文件，它没有安装这个模块；本题只需要 NumPy）" % sys.executable,
        )
    return None


def raised(e, signature_of=None):
    """The exception as the user wants to see it: type, message, and the
    innermost line of their own files. Python's message is English; a note
    kata adds to it comes in Chinese too."""
    katas_dir = os.path.realpath(REQUEST["katas_dir"])
    location, line = None, None
    for frame in traceback.extract_tb(e.__traceback__):
        path = os.path.realpath(frame.filename)
        if os.path.dirname(path) == katas_dir:
            location = "katas/%s:%d" % (os.path.basename(path), frame.lineno)
            line = (frame.line or "").strip() or None
    message = str(e)
    note = None
    if isinstance(e, ImportError):
        note = import_hint(e)
    if location is None and signature_of is not None:
        note = (
            " (the function's parameters differ from the stub's; `kata show %s` prints them)" % REQUEST["kata"],
            "（函数的参数与桩文件中的不同；`kata show %s` 会显示它们）" % REQUEST["kata"],
        )
    out = {"exception": type(e).__name__, "message": message, "location": location, "line": line}
    if note is not None:
        out["message"] = message + note[0]
        out["message_zh"] = message + note[1]
    return {"raised": out}


if __name__ == "__main__":
    main()

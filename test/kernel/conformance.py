"""jupyter_kernel_test's conformance suite against the dslab kernel (kernelspec found through JUPYTER_PATH)."""
import unittest

import jupyter_kernel_test as jkt


class DslabKernelTests(jkt.KernelTests):
    kernel_name = "dslab"
    language_name = "typescript"
    file_extension = ".ts"

    code_hello_world = 'console.log("hello, world")'
    code_stderr = 'console.error("some error")'
    completion_samples = [{"text": "Math.ab", "matches": {"abs"}}]
    complete_code_samples = ["1 + 1", "const x = 1;"]
    incomplete_code_samples = ["function f() {", "const a = ["]
    code_page_something = None
    code_generate_error = 'throw new Error("boom")'
    code_execute_result = [{"code": "6 * 7", "result": "42"}, {"code": '"a" + "b"', "result": "'ab'"}]
    code_display_data = [{"code": 'import { display } from "dslab/kernel"; display({ [Symbol.for("Jupyter.display")]() { return { "text/html": "<b>hi</b>" }; } })', "mime": "text/html"}]
    code_history_pattern = "6 *"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "Math.max"
    code_clear_output = 'import { clearOutput } from "dslab/kernel"; clearOutput()'


if __name__ == "__main__":
    unittest.main()

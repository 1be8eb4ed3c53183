"""Drives input() in the dslab kernel with jupyter_client, as a console or notebook front end does.

Prints one JSON object: what each cell's stdin request, outputs and reply were.
"""
import json
import time

from jupyter_client.manager import start_new_kernel

ASK = 'import { input } from "dslab/kernel";\nconst name = await input("Your name: ");\nconsole.log(`hello ${name}`);'
SECRET = 'import { input } from "dslab/kernel";\nconst word = await input("Password: ", { password: true });\nconsole.log(`${word.length} characters`);'


def run(kc, code, allow_stdin, answer=None, interrupt=None):
    msg_id = kc.execute(code, allow_stdin=allow_stdin)
    asked = None
    if answer is not None or interrupt is not None:
        request = kc.get_stdin_msg(timeout=60)
        asked = {"parent": request["parent_header"]["msg_id"] == msg_id, **request["content"]}
        if interrupt is not None:
            interrupt()
        else:
            kc.input(answer)
    reply = kc.get_shell_msg(timeout=60)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=60)
    stdout = ""
    deadline = time.time() + 60
    while time.time() < deadline:
        msg = kc.get_iopub_msg(timeout=60)
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "stream":
            stdout += msg["content"]["text"]
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
    content = reply["content"]
    return {"asked": asked, "stdout": stdout, "status": content["status"], "ename": content.get("ename"), "evalue": content.get("evalue")}


km, kc = start_new_kernel(kernel_name="dslab", startup_timeout=60)
try:
    results = {
        "answered": run(kc, ASK, True, answer="Ada"),
        "password": run(kc, SECRET, True, answer="s3cret!"),
        "refused": run(kc, ASK, False),
        "interrupted": run(kc, ASK, True, interrupt=km.interrupt_kernel),
        "after": run(kc, 'console.log("still here")', True),
    }
    print(json.dumps(results))
finally:
    kc.stop_channels()
    km.shutdown_kernel(now=True)

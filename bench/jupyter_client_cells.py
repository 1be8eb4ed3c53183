"""Round trips of Jupyter's own Python client (jupyter_client) to one kernel, for bench/kernel.bench.ts.

    /usr/bin/python3 bench/jupyter_client_cells.py KERNEL_NAME COUNT FIRST
        starts KERNEL_NAME in the current folder, runs 50 warm-up cells, then COUNT new cells
        `N+1` with N = FIRST, FIRST+1, ... and prints a JSON object: {"distinct": [ms, ...]}.
        A round trip is from sending execute_request to having both the execute_reply and the
        kernel's idle status for it, as a notebook front end waits.
    /usr/bin/python3 bench/jupyter_client_cells.py --starts ROUNDS KERNEL_NAME...
        starts each kernel in turn, ROUNDS times, interleaved, and prints a JSON object of each
        kernel's times {"NAME": [ms, ...]} from start_new_kernel (which returns once the kernel
        has answered kernel_info and its iopub has been quiet for 0.2 s, as nbclient waits) to
        the round trip of a first cell `1+1`.
    /usr/bin/python3 bench/jupyter_client_cells.py --list
        prints the names of the kernelspecs jupyter_client finds, as JSON.
"""
import json
import sys
import time

from jupyter_client.kernelspec import find_kernel_specs
from jupyter_client.manager import start_new_kernel


def round_trip(client, code):
    started = time.perf_counter()
    msg_id = client.execute(code, store_history=True)
    replied = idle = False
    status = None
    while not (replied and idle):
        if not replied:
            reply = client.get_shell_msg(timeout=30)
            if reply["parent_header"].get("msg_id") == msg_id:
                replied = True
                status = reply["content"]["status"]
            continue
        msg = client.get_iopub_msg(timeout=30)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            idle = True
    elapsed = (time.perf_counter() - started) * 1000
    if status != "ok":
        raise RuntimeError(f"{code!r} failed: {status}")
    return elapsed


def start_to_first_result(name):
    started = time.perf_counter()
    manager, client = start_new_kernel(kernel_name=name, startup_timeout=60)
    try:
        round_trip(client, "1+1")
        return (time.perf_counter() - started) * 1000
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=False)


def main():
    if sys.argv[1:] == ["--list"]:
        print(json.dumps(sorted(find_kernel_specs())))
        return
    if sys.argv[1] == "--starts":
        rounds, names = int(sys.argv[2]), sys.argv[3:]
        times = {name: [] for name in names}
        for _ in range(rounds):
            for name in names:
                times[name].append(start_to_first_result(name))
        print(json.dumps(times))
        return
    name, count, first = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    manager, client = start_new_kernel(kernel_name=name, startup_timeout=60)
    try:
        # Drain what start-up left on iopub, then warm up.
        while True:
            try:
                client.get_iopub_msg(timeout=0.2)
            except Exception:
                break
        for i in range(50):
            round_trip(client, f"{i}+2")
        distinct = [round_trip(client, f"{first + i}+1") for i in range(count)]
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=False)
    print(json.dumps({"distinct": distinct}))


if __name__ == "__main__":
    main()

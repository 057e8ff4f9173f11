#!/usr/bin/env python3
"""The tutorial ("seeds") chat client, ported to Python 3 and fixed to read and write at once.

The original sent each input without a newline and only printed incoming messages after the
user pressed Enter. This port keeps its spirit (register with #name, then @user:message) but
ends every line with LF, as Parley's line protocol requires, and prints what arrives from a
reader thread. It exits on 'exit', at end of input, or when the server closes.

    python3 examples/seed_client.py [host] [port]
"""
import socket
import sys
import threading


def main() -> int:
    host = sys.argv[1] if len(sys.argv) > 1 else "127.0.0.1"
    port = int(sys.argv[2]) if len(sys.argv) > 2 else 55555
    sock = socket.create_connection((host, port))
    reader = sock.makefile("r", encoding="utf-8", newline="\n")
    closed = threading.Event()

    def receive() -> None:
        for line in reader:
            print(line.rstrip("\n"), flush=True)
        closed.set()

    threading.Thread(target=receive, daemon=True).start()
    print("Enter your user name (prefix with #), then messages as @user:message", flush=True)
    for text in sys.stdin:
        text = text.rstrip("\r\n")
        if text == "exit":
            break
        sock.sendall((text + "\n").encode("utf-8"))
    sock.sendall(b"/quit\n")
    closed.wait(timeout=10)
    sock.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

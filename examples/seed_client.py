#!/usr/bin/env python3
"""The tutorial ("seeds") chat client, ported to Python 3 and fixed to read and write at once.

The original sent each input without a newline and only printed incoming messages after the
user pressed Enter. This port keeps its spirit (register with #name, then @user:message) but
ends every line with LF, as Parley's line protocol requires, and prints what arrives from a
reader thread. It exits on 'exit', at end of input, or as soon as the server closes the
connection (after /quit, a server shutdown, /kill or a ban), even while waiting for input.

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
    # Set when the server closed the connection, or when we gave up waiting for it to.
    finished = threading.Event()

    def receive() -> None:
        try:
            for line in reader:
                print(line.rstrip("\n"), flush=True)
        except OSError:  # reset by the server
            pass
        finished.set()

    def send() -> None:
        try:
            for text in sys.stdin:
                text = text.rstrip("\r\n")
                if text == "exit":
                    break
                sock.sendall((text + "\n").encode("utf-8"))
            sock.sendall(b"/quit\n")
        except OSError:  # BrokenPipeError, ConnectionResetError: the server is gone
            finished.set()
            return
        # The server answers /quit with BYE and closes; do not wait for it forever.
        finished.wait(timeout=10)
        finished.set()

    threading.Thread(target=receive, daemon=True).start()
    print("Enter your user name (prefix with #), then messages as @user:message", flush=True)
    # Input is read on a daemon thread, so a closed connection ends the client at once.
    threading.Thread(target=send, daemon=True).start()
    finished.wait()
    sock.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

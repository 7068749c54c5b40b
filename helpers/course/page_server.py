"""Voilà for the 9E checklist page, tied to the ``workbook checklist`` that started it.

``python -m helpers.course.page_server VOILA-ARGUMENTS…`` runs Voilà in this process and
watches the process that started it: when that one is gone (stopped with Ctrl-C, ``kill``
or even ``kill -9``), Voilà stops too, shutting its kernels down, instead of running on as
an orphan that still answers on the port and saves clicks.

Kernels of closed pages are culled: a page's kernel with no browser connected and idle
for :data:`CULL_IDLE_SECONDS` is shut down (each kernel holds 100–150 MB), while a page
that stays open keeps its kernel.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time

CULL_IDLE_SECONDS = 15
CULL_EVERY_SECONDS = 5
CULLING = [
    f"--MappingKernelManager.cull_idle_timeout={CULL_IDLE_SECONDS}",
    f"--MappingKernelManager.cull_interval={CULL_EVERY_SECONDS}",
    "--MappingKernelManager.cull_connected=False",  # a page still open keeps its kernel
]


def watch_parent(parent: int, every: float = 1.0) -> None:
    """Stop this process (as Voilà stops on SIGTERM: kernels shut down) once ``parent`` is
    gone: its parent id changes when the parent dies, however it died."""
    while True:
        time.sleep(every)
        if os.getppid() != parent:
            os.kill(os.getpid(), signal.SIGTERM)
            return


def main(argv: list[str]) -> None:
    threading.Thread(target=watch_parent, args=(os.getppid(),), daemon=True).start()
    from voila.app import main as voila

    sys.argv = ["voila", *argv, *CULLING]
    voila()


if __name__ == "__main__":
    main(sys.argv[1:])

"""The grading kernel's manager and client: jupyter_client's, without its fixed waits.

Grading a class starts one kernel per notebook, so jupyter_client's fixed waits at every start
and stop leave a core idle for a tenth of a small week's grading time. These subclasses keep
jupyter_client's behaviour and drop the waits (used by graders.guard.GuardedExecute).
"""
from __future__ import annotations

import time
from queue import Empty

from jupyter_client import AsyncKernelManager
from jupyter_client.asynchronous import AsyncKernelClient


class QuickStartClient(AsyncKernelClient):
    """jupyter_client's asynchronous client, ready as soon as the kernel has answered kernel_info
    and IOPub is connected. jupyter_client then drains IOPub until it stays silent for 0.2 s: a
    fixed wait with a core idle at every kernel start (about a tenth of a notebook's grading time
    on a small week). nbclient reads only the IOPub messages that answer its own requests, so the
    drain is not needed for grading."""

    async def _async_wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
        while True:
            self.kernel_info()
            try:
                msg = await self.shell_channel.get_msg(timeout=1)
            except Empty:
                msg = None
            if msg is not None and msg["msg_type"] == "kernel_info_reply":
                try:
                    await self.iopub_channel.get_msg(timeout=0.2)  # IOPub is connected
                except Empty:
                    pass
                else:
                    self._handle_kernel_info_reply(msg)
                    return
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout:g} seconds")

    wait_for_ready = _async_wait_for_ready


class QuickKernelManager(AsyncKernelManager):
    """jupyter_client's asynchronous kernel manager with :class:`QuickStartClient`, checking every
    10 ms (not 100 ms) whether a killed kernel has gone: the next student's kernel starts sooner."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.client_factory = QuickStartClient

    async def _async_wait(self, pollinterval: float = 0.1) -> None:
        await super()._async_wait(pollinterval=min(pollinterval, 0.01))

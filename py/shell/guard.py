"""Event handlers never fail silently: the member gets a plain message, the console the
traceback (which is also what makes a browser test fail)."""

from __future__ import annotations

import functools
import traceback
from collections.abc import Awaitable, Callable
from typing import Any

from . import browser
from .html import text

SyncHandler = Callable[[Any, Any], None]
AsyncHandler = Callable[[Any, Any], Awaitable[None]]


def _report(owner: Any, error: Exception) -> None:
    browser.report_error(traceback.format_exc())
    # A view's tools say things through their context; the app is its own.
    context = getattr(owner, "context", owner)
    context.say(text(["Something went wrong (", str(error), "). Your saved data is unchanged."]),
                error=True)


def guarded(handler: SyncHandler) -> SyncHandler:
    @functools.wraps(handler)
    def run(owner: Any, event: Any) -> None:
        try:
            handler(owner, event)
        except Exception as error:  # noqa: BLE001 - last line of defence for the member
            _report(owner, error)

    return run


def guarded_async(handler: AsyncHandler) -> AsyncHandler:
    @functools.wraps(handler)
    async def run(owner: Any, event: Any) -> None:
        try:
            await handler(owner, event)
        except Exception as error:  # noqa: BLE001 - last line of defence for the member
            _report(owner, error)

    return run

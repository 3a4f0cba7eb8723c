"""The REST surface: routes named by OpenAPI path templates, recorded requests, error answers, faults."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

# Routes the emulator answers, named by the OpenAPI path templates so recorded requests can be validated.
ROUTES: list[tuple[str, str, str]] = [
    ("GET", "/users/@me", "current_user"),
    ("GET", "/oauth2/applications/@me", "application"),
    ("GET", "/gateway", "gateway"),
    ("GET", "/gateway/bot", "gateway"),
    ("GET", "/applications/{application_id}/commands", "list_commands"),
    ("PUT", "/applications/{application_id}/commands", "sync_commands"),
    ("GET", "/applications/{application_id}/guilds/{guild_id}/commands", "list_commands"),
    ("PUT", "/applications/{application_id}/guilds/{guild_id}/commands", "sync_commands"),
    ("POST", "/interactions/{interaction_id}/{interaction_token}/callback", "callback"),
    ("POST", "/webhooks/{webhook_id}/{webhook_token}", "followup"),
    ("GET", "/webhooks/{webhook_id}/{webhook_token}/messages/@original", "get_webhook_message"),
    ("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/@original", "edit_webhook_message"),
    ("DELETE", "/webhooks/{webhook_id}/{webhook_token}/messages/@original", "delete_webhook_message"),
    ("GET", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", "get_webhook_message"),
    ("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", "edit_webhook_message"),
    ("DELETE", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}", "delete_webhook_message"),
    ("POST", "/channels/{channel_id}/messages", "create_message"),
    ("PATCH", "/channels/{channel_id}/messages/{message_id}", "edit_message"),
]


def match_route(method: str, path: str) -> tuple[str, dict[str, str]] | None:
    """(template, parameters) of the first route whose literal segments all match."""
    segments = path.strip("/").split("/")
    for route_method, template, _ in ROUTES:
        parts = template.strip("/").split("/")
        if route_method != method or len(parts) != len(segments):
            continue
        params = {}
        for part, segment in zip(parts, segments, strict=True):
            if part.startswith("{"):
                params[part[1:-1]] = segment
            elif part != segment:
                break
        else:
            return template, params
    return None


@dataclass
class Request:
    """One REST request as the bot sent it, and what the emulator answered."""

    method: str
    path: str  # without the /api/v10 prefix
    route: str | None  # the OpenAPI path template, None for a route the emulator does not know
    params: dict[str, str]
    query: dict[str, str]
    body: Any
    status: int = 0
    files: dict[str, bytes] = field(default_factory=dict)  # uploaded files by file name (multipart requests)


@dataclass
class Fault:
    """Answer `times` matching requests with an error status instead of serving them."""

    method: str
    route: str
    status: int
    times: int
    retry_after: float = 0.05
    is_global: bool = False
    delay: float = 0.0  # seconds to wait before answering (status 0: then serve the request normally)


def armed_fault(faults: list[Fault], request: Request) -> Fault | None:
    """The first armed fault matching the request, if any, disarmed once."""
    wanted = (request.method, request.route)
    fault = next((f for f in faults if f.times > 0 and (f.method, f.route) == wanted), None)
    if fault is not None:
        fault.times -= 1
    return fault


def fault_response(fault: Fault) -> web.Response:
    """The error answer of a fault."""
    if fault.status == 429:
        headers = {
            "Via": "1.1 google",
            "Retry-After": str(fault.retry_after),
            "X-RateLimit-Limit": "5",
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset-After": str(fault.retry_after),
            "X-RateLimit-Bucket": "emulated",
            "X-RateLimit-Scope": "global" if fault.is_global else "user",
        }
        if fault.is_global:
            headers["X-RateLimit-Global"] = "true"
        body = {
            "message": "You are being rate limited.",
            "retry_after": fault.retry_after,
            "global": fault.is_global,
            "code": 0,
        }
        return json_response(body, 429, headers)
    return json_response({"message": f"Emulated error {fault.status}", "code": 0}, fault.status)


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    # discord.py compares Content-Type verbatim: aiohttp's json_response would add "; charset=utf-8".
    return web.Response(
        status=status, body=json.dumps(body).encode(), headers={**(headers or {}), "Content-Type": "application/json"}
    )


def unknown_message() -> web.Response:
    return json_response({"message": "Unknown Message", "code": 10008}, 404)


async def read_body(http: web.Request) -> tuple[Any, dict[str, bytes]]:
    """The JSON body, also out of a multipart request's `payload_json` part, and the files uploaded with it."""
    if not http.can_read_body:
        return None, {}
    if http.content_type.startswith("multipart/"):
        form = await http.post()
        files = {part.filename: part.file.read() for part in form.values() if isinstance(part, web.FileField)}
        return (json.loads(form["payload_json"]) if "payload_json" in form else None), files
    raw = await http.read()
    return (json.loads(raw) if raw else None), {}

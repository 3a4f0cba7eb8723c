"""Checks of request bodies: Discord's OpenAPI schemas, the limits it does not encode, our mention policy."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import regex
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

REPO_ROOT = Path(__file__).resolve().parents[2]
SPEC_FILE = REPO_ROOT.parent / "shared" / "discord-api-spec" / "openapi.json"
SPEC_URI = "urn:discord:openapi"

NAME = regex.compile(r"^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$")
MAX_COMMANDS, MAX_OPTIONS, MAX_CHOICES = 100, 25, 25
EMBED_PARTS = {"title": 256, "description": 4096, "url": 2048}
EMBED_TOTAL, EMBEDS, FIELDS, CONTENT = 6000, 10, 25, 2000
ROWS, BUTTONS_PER_ROW, CUSTOM_ID, BUTTON_LABEL, SELECT_OPTIONS = 5, 5, 100, 80, 25
CREATE_ROUTES = {("POST", "/webhooks/{webhook_id}/{webhook_token}"), ("POST", "/channels/{channel_id}/messages")}
EDIT_ROUTES = {
    ("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/@original"),
    ("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/{message_id}"),
    ("PATCH", "/channels/{channel_id}/messages/{message_id}"),
}
CALLBACK = ("POST", "/interactions/{interaction_id}/{interaction_token}/callback")
COMMAND_SYNCS = {
    ("PUT", "/applications/{application_id}/commands"),
    ("PUT", "/applications/{application_id}/guilds/{guild_id}/commands"),
}


# --- the OpenAPI description ----------------------------------------------------------------------------
def spec_available() -> bool:
    return SPEC_FILE.is_file()


@functools.cache
def _spec() -> tuple[dict[str, Any], Registry]:
    spec = json.loads(SPEC_FILE.read_text(encoding="utf-8"))
    resource = Resource.from_contents(spec, default_specification=DRAFT202012)
    return spec, Registry().with_resource(SPEC_URI, resource)


def spec_template(method: str, path: str) -> str | None:
    """The spec's path template for a concrete path, preferring the one with the most literal segments."""
    spec, _ = _spec()
    segments = path.split("?")[0].strip("/").split("/")
    best: tuple[int, str] | None = None
    for template, operations in spec["paths"].items():
        parts = template.strip("/").split("/")
        if method.lower() not in operations or len(parts) != len(segments):
            continue
        if all(p.startswith("{") or p == s for p, s in zip(parts, segments, strict=True)):
            literal = sum(not p.startswith("{") for p in parts)
            if best is None or literal > best[0]:
                best = (literal, template)
    return best[1] if best else None


def _point_at_spec(schema: Any) -> Any:
    """Rewrite local `#/components/...` references so they resolve inside the registered spec."""
    if isinstance(schema, dict):
        local = {key: SPEC_URI + value for key, value in schema.items() if key == "$ref" and value[:1] == "#"}
        return {key: local.get(key) or _point_at_spec(value) for key, value in schema.items()}
    if isinstance(schema, list):
        return [_point_at_spec(item) for item in schema]
    return schema


def _narrow(spec: dict[str, Any], schema: dict[str, Any], kind: Any) -> dict[str, Any]:
    """Of a union of typed bodies (interaction callbacks), keep the alternative whose `type` enum holds
    `kind`, so an error names the part that is wrong rather than every alternative."""
    for union in ("anyOf", "oneOf"):
        for alternative in schema.get(union, []):
            target = alternative.get("$ref", "")
            name = target.rsplit("/", 1)[-1]
            resolved = spec["components"]["schemas"].get(name, {}) if target else alternative
            if kind in resolved.get("properties", {}).get("type", {}).get("enum", []):
                return alternative
    return schema


@functools.cache
def _validator(method: str, template: str, kind: Any = None) -> Draft202012Validator | None:
    spec, registry = _spec()
    operation = spec["paths"][template][method.lower()]
    schema = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
    if schema is None:
        return None
    return Draft202012Validator(_point_at_spec(_narrow(spec, schema, kind)), registry=registry)


def spec_problems(method: str, path: str, body: Any) -> list[str]:
    """Where a request body breaks the OpenAPI schema of its operation (the spec file must exist)."""
    template = spec_template(method, path)
    if template is None:
        return [f"{method} {path}: no such operation in Discord's OpenAPI description"]
    validator = _validator(method, template, body.get("type") if isinstance(body, dict) else None)
    if validator is None or body is None:
        return []
    error = best_match(validator.iter_errors(_upload_ids_as_strings(body)))
    if error is None:
        return []
    where = "/".join(str(p) for p in error.absolute_path) or "body"
    return [f"{method} {template}: {where}: {error.message[:300]}"]


def _upload_ids_as_strings(body: Any) -> Any:
    """A file uploaded with a message is named in `attachments` by its index in the multipart form, which
    Discord's reference shows as a number (`"id": 0`, "Uploading Files") and discord.py sends as one; the
    OpenAPI file types every attachment id as a snowflake string. Only that index is read as a string here."""
    if not isinstance(body, dict):
        return body
    holder = body.get("data") if isinstance(body.get("data"), dict) else body
    uploads = holder.get("attachments")
    if not isinstance(uploads, list) or not any(isinstance(a, dict) and isinstance(a.get("id"), int) for a in uploads):
        return body
    fixed = [{**a, "id": str(a["id"])} if isinstance(a, dict) and isinstance(a.get("id"), int) else a for a in uploads]
    return {**body, "data": {**holder, "attachments": fixed}} if holder is not body else {**body, "attachments": fixed}


# --- documented limits the spec does not encode (Discord answers 400 to these) -------------------------
def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def command_problems(commands: list[dict[str, Any]]) -> list[str]:
    """Names, descriptions, option counts, choices and nesting of a command set being synced."""
    problems = []
    if len([c for c in commands if c.get("type", 1) == 1]) > MAX_COMMANDS:
        problems.append(f"more than {MAX_COMMANDS} slash commands")
    names = [c.get("name") for c in commands if c.get("type", 1) == 1]
    if len(names) != len(set(names)):
        problems.append(f"duplicate command names: {names}")
    for command in commands:
        where = f"/{command.get('name')}"
        if command.get("type", 1) == 1:
            problems += _named(command, where) + _options(command.get("options") or [], where, depth=0)
    return problems


def _named(item: dict[str, Any], where: str) -> list[str]:
    name, description = _text(item.get("name")), _text(item.get("description"))
    problems = []
    if not NAME.match(name) or name != name.lower():
        problems.append(f"{where}: name {name!r} is not 1-32 lowercase letters, digits, - _ '")
    if not 1 <= len(description) <= 100:
        problems.append(f"{where}: description must be 1-100 characters, has {len(description)}")
    return problems


def _options(options: list[dict[str, Any]], where: str, depth: int) -> list[str]:
    problems = []
    if len(options) > MAX_OPTIONS:
        problems.append(f"{where}: {len(options)} options, at most {MAX_OPTIONS}")
    names = [o.get("name") for o in options]
    if len(names) != len(set(names)):
        problems.append(f"{where}: duplicate option names {names}")
    nested = [o for o in options if o.get("type") in (1, 2)]
    if nested and len(nested) != len(options):
        problems.append(f"{where}: subcommands cannot be mixed with plain options")
    seen_optional = False
    for option in options:
        inner = f"{where} {option.get('name')}"
        problems += _named(option, inner)
        kind = option.get("type")
        if kind == 2 and depth > 0 or kind == 1 and depth > 1:
            problems.append(f"{inner}: nested deeper than command → group → subcommand")
        if kind == 2 and any(o.get("type") != 1 for o in option.get("options") or []):
            problems.append(f"{inner}: a subcommand group may only hold subcommands")
        if kind in (1, 2):
            problems += _options(option.get("options") or [], inner, depth + 1)
            continue
        if option.get("required") and seen_optional:
            problems.append(f"{inner}: required options must come before optional ones")
        seen_optional = seen_optional or not option.get("required")
        choices = option.get("choices") or []
        if choices and option.get("autocomplete"):
            problems.append(f"{inner}: autocomplete cannot be combined with choices")
        problems += _choices(choices, inner)
    return problems


def _choices(choices: list[dict[str, Any]], where: str) -> list[str]:
    problems = []
    if len(choices) > MAX_CHOICES:
        problems.append(f"{where}: {len(choices)} choices, at most {MAX_CHOICES}")
    for choice in choices:
        name, value = _text(choice.get("name")), choice.get("value")
        if not 1 <= len(name) <= 100:
            problems.append(f"{where}: choice name {name[:40]!r}… must be 1-100 characters, has {len(name)}")
        if isinstance(value, str) and not 1 <= len(value) <= 100:
            problems.append(f"{where}: choice value must be 1-100 characters, has {len(value)}")
    return problems


def message_problems(body: dict[str, Any], where: str = "message") -> list[str]:
    """Content, embeds (parts and the 6000 total) and components of a message body."""
    problems = []
    if len(_text(body.get("content"))) > CONTENT:
        problems.append(f"{where}: content over {CONTENT} characters")
    embeds = body.get("embeds") or []
    if len(embeds) > EMBEDS:
        problems.append(f"{where}: {len(embeds)} embeds, at most {EMBEDS}")
    total = 0
    for number, embed in enumerate(embeds):
        at = f"{where} embed {number}"
        for part, limit in EMBED_PARTS.items():
            if len(_text(embed.get(part))) > limit:
                problems.append(f"{at}: {part} over {limit} characters")
        fields = embed.get("fields") or []
        if len(fields) > FIELDS:
            problems.append(f"{at}: {len(fields)} fields, at most {FIELDS}")
        for field in fields:
            name, value = _text(field.get("name")), _text(field.get("value"))
            if not 1 <= len(name) <= 256 or not 1 <= len(value) <= 1024:
                problems.append(f"{at}: field {name[:30]!r} name must be 1-256 and value 1-1024 characters")
        footer = _text((embed.get("footer") or {}).get("text"))
        author = _text((embed.get("author") or {}).get("name"))
        if len(footer) > 2048 or len(author) > 256:
            problems.append(f"{at}: footer over 2048 or author name over 256 characters")
        total += len(_text(embed.get("title"))) + len(_text(embed.get("description"))) + len(footer)
        total += len(author) + sum(len(_text(f.get("name"))) + len(_text(f.get("value"))) for f in fields)
    if total > EMBED_TOTAL:
        problems.append(f"{where}: embeds hold {total} characters, at most {EMBED_TOTAL} in total")
    return problems + _component_problems(body.get("components") or [], where)


def _component_problems(rows: list[dict[str, Any]], where: str) -> list[str]:
    problems = [f"{where}: {len(rows)} action rows, at most {ROWS}"] if len(rows) > ROWS else []
    custom_ids = []
    for row in rows:
        items = row.get("components") or []
        selects = [c for c in items if c.get("type") in (3, 5, 6, 7, 8)]
        if len(items) > BUTTONS_PER_ROW or selects and len(items) > 1:
            problems.append(f"{where}: a row holds {len(items)} components (5 buttons or 1 select)")
        for item in items:
            if item.get("type") == 2 and item.get("style") != 5 or "custom_id" in item:
                custom_ids.append(custom_id := _text(item.get("custom_id")))
                if not 1 <= len(custom_id) <= CUSTOM_ID:
                    problems.append(f"{where}: custom_id {custom_id[:30]!r} must be 1-{CUSTOM_ID} characters")
            if len(_text(item.get("label"))) > BUTTON_LABEL:
                problems.append(f"{where}: button label over {BUTTON_LABEL} characters")
            if len(item.get("options") or []) > SELECT_OPTIONS:
                problems.append(f"{where}: select with more than {SELECT_OPTIONS} options")
    if len(custom_ids) != len(set(custom_ids)):
        problems.append(f"{where}: custom_ids are not unique: {custom_ids}")
    return problems


def limit_problems(method: str, route: str, body: Any) -> list[str]:
    """What Discord would refuse with 400 (code 50035) in a request to an OpenAPI route template."""
    if not isinstance(body, dict | list):
        return []
    if (method, route) in COMMAND_SYNCS:
        return command_problems(body) if isinstance(body, list) else ["command sync body must be a list"]
    if (method, route) == CALLBACK:
        kind, data = body.get("type"), body.get("data") or {}
        if kind == 8:
            return _choices(data.get("choices") or [], "autocomplete")
        return message_problems(data, f"callback type {kind}") if kind in (4, 7) else []
    if (method, route) in CREATE_ROUTES | EDIT_ROUTES:
        return message_problems(body, f"{method} {route}")
    return []


# --- the bot's own policy ---------------------------------------------------------------------------------
def mention_problems(method: str, route: str, body: Any) -> list[str]:
    """Every new message with text must send allowed_mentions that parse nothing (interactions default to
    pinging users); an edit that sends allowed_mentions must parse nothing too."""
    if not isinstance(body, dict):
        return []
    creates = (method, route) in CREATE_ROUTES or (method, route) == CALLBACK and body.get("type") == 4
    edits = (method, route) in EDIT_ROUTES or (method, route) == CALLBACK and body.get("type") == 7
    message = body.get("data") or {} if (method, route) == CALLBACK else body
    mentions = message.get("allowed_mentions")
    if creates and (message.get("content") or message.get("embeds")) and mentions is None:
        return [f"{method} {route}: a message without allowed_mentions pings whoever its text mentions"]
    pings = mentions is not None and any(mentions.get(k) for k in ("parse", "users", "roles", "replied_user"))
    if (creates or edits) and pings:
        return [f"{method} {route}: allowed_mentions {mentions} lets the message ping someone"]
    return []


def request_problems(method: str, route: str | None, path: str, body: Any, with_spec: bool = True) -> list[str]:
    """Everything wrong with one recorded request: limits, mention policy and (when available) the spec."""
    if route is None:
        return [f"{method} {path}: a route the emulator does not serve"]
    problems = limit_problems(method, route, body) + mention_problems(method, route, body)
    if with_spec and spec_available():
        problems += spec_problems(method, path, body)
    return problems


def recorded_problems(requests: list[Any], with_spec: bool = True) -> list[str]:
    """Every problem in a list of recorded requests (anything with method, route, path and body)."""
    return [p for r in requests for p in request_problems(r.method, r.route, r.path, r.body, with_spec)]

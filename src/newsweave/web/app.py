"""The web UI and JSON API of ``newsweave serve``.

Why it is built this way:

* **Read-only and thin.** Every route reads through one data source
  (``web.source``): a snapshot of the store as of its last ``analyze`` run.
* **Readable without JavaScript.** Pages are rendered on the server (jinja2,
  autoescape on; article text is never marked safe); filters are plain GET
  forms.  JavaScript only adds the map, from an external file.
* **Untrusted text.** Articles come from the open web, so every response
  carries a Content-Security-Policy that forbids inline script and style,
  plus ``nosniff`` and ``no-referrer``; errors never show a stack trace;
  request bodies and page sizes are bounded.
"""
from __future__ import annotations

import datetime as dt
import importlib.resources
import json
import logging
import math
from typing import Any, Optional
from urllib.parse import urlencode

import jinja2
from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from newsweave import __version__
from newsweave.records import Analysis
from newsweave.report.analysis_json import document_to_dict
from newsweave.web import views
from newsweave.web.source import MAX_PAGE, AnalysisSource, EventFilter, StoreSource

log = logging.getLogger("newsweave.web")

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
_NOT_FOUND = {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]}
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}
MAX_BODY_BYTES = 1_000_000  # request bodies above this are refused with 413
PAGE_SIZE = 100  # events per timeline page
PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")


# --------------------------------------------------------------------------- middleware


class SecurityHeaders:
    """Adds the CSP and friends to every response that passes through the app."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.decode("latin-1").lower() not in SECURITY_HEADERS]
                headers += [(k.encode("latin-1"), v.encode("latin-1")) for k, v in SECURITY_HEADERS.items()]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyLimit:
    """Refuses request bodies larger than ``max_bytes`` (declared or streamed) with 413."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for key, value in scope.get("headers", []):
            if key == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = self.max_bytes + 1
                if declared > self.max_bytes:
                    await _too_large(send, self.max_bytes)
                    return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise _BodyTooLarge()
            return message

        try:
            await self.app(scope, counted, send)
        except _BodyTooLarge:
            await _too_large(send, self.max_bytes)


class _BodyTooLarge(Exception):
    pass


async def _too_large(send: Send, limit: int) -> None:
    body = json.dumps({"detail": f"request body larger than {limit} bytes"}).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


# --------------------------------------------------------------------------- helpers


def _templates() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("newsweave.web", "templates"),
        autoescape=True,  # every template, whatever its extension
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.globals["version"] = __version__
    env.filters["http_url"] = lambda url: url if isinstance(url, str) and url.lower().startswith(("http://", "https://")) else None
    env.filters["qs"] = lambda params: urlencode({k: v for k, v in params.items() if v not in (None, "")})
    return env


def _parse_date(value: Optional[str], name: str, errors: list[str]) -> Optional[dt.date]:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        errors.append(f"{name} must be a date in the form YYYY-MM-DD")
        return None


def _page(items: list[Any], total: int, limit: int, offset: int, key: str) -> dict[str, Any]:
    return {key: items, "total": total, "limit": limit, "offset": offset}


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path in ("/api", "/openapi.json")


# --------------------------------------------------------------------------- the app


def create_app(db_url: Optional[str] = None, write_token: Optional[str] = None, *,
               analysis: Optional[Analysis] = None, max_body_bytes: int = MAX_BODY_BYTES) -> FastAPI:
    """The FastAPI app over the store at ``db_url`` (or over ``analysis`` held in memory).

    ``write_token``: reserved for write endpoints; without it the API is read-only.
    """
    if (db_url is None) == (analysis is None):
        raise ValueError("give exactly one of db_url and analysis")
    if analysis is not None:
        fixed = AnalysisSource(analysis)
        current = lambda: fixed  # noqa: E731
    else:
        store_source = StoreSource(db_url)  # type: ignore[arg-type]
        current = store_source.current

    app = FastAPI(
        title="newsweave",
        version=__version__,
        description="Events, claims and disagreements fused from many outlets' news articles. Read-only; "
                    "JSON objects use the field names of analysis.schema.json (schema_version 1).",
        docs_url=None,  # the stock Swagger page loads scripts from a CDN and inline: /docs is served below
        redoc_url=None,
    )
    app.state.write_token = write_token
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.add_middleware(SecurityHeaders)  # outermost of the two: 413s carry the headers too
    env = _templates()
    static_dir = importlib.resources.files("newsweave.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static_dir)), name="static")

    def render(name: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(env.get_template(name).render(**context), status_code=status)

    # ------------------------------------------------------------------ errors
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else "error"
        if _is_api(request):
            return JSONResponse({"detail": detail}, status_code=exc.status_code, headers=getattr(exc, "headers", None))
        return render("error.html", status=exc.status_code, status_code=exc.status_code, message=detail, nav="")

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        # the shape the OpenAPI spec declares (FastAPI's HTTPValidationError), without
        # echoing the offending input back
        detail = [
            {"loc": [str(x) for x in err.get("loc", ())], "msg": str(err.get("msg", "invalid")), "type": str(err.get("type", "value_error"))}
            for err in exc.errors()
        ]
        return JSONResponse({"detail": detail}, status_code=422)

    @app.exception_handler(Exception)
    async def internal_error(request: Request, exc: Exception) -> Response:
        log.error("internal error on %s: %s: %s", request.url.path, type(exc).__name__, exc)
        headers = dict(SECURITY_HEADERS)
        if _is_api(request):
            return JSONResponse({"detail": "internal error"}, status_code=500, headers=headers)
        html = env.get_template("error.html").render(status_code=500, message="Something went wrong on our side.", nav="")
        return HTMLResponse(html, status_code=500, headers=headers)

    # ------------------------------------------------------------------ JSON API
    @app.get("/api/events", tags=["events"], summary="Events, filtered and paginated")
    def api_events(
        type: Optional[str] = Query(None, description="PLOVER type, e.g. ASSAULT"),
        place: Optional[str] = Query(None, description="place id, name, alias, or ISO country code"),
        date_from: Optional[dt.date] = Query(None, description="events whose date range ends on or after (YYYY-MM-DD)"),
        date_to: Optional[dt.date] = Query(None, description="events whose date range starts on or before (YYYY-MM-DD)"),
        actor: Optional[str] = Query(None, description="entity id, name or alias among the actors or targets"),
        q: Optional[str] = Query(None, description="words in the summary, actor or place names"),
        document: Optional[str] = Query(None, description="events this document reports"),
        limit: int = Query(100, ge=1, le=MAX_PAGE),
        offset: int = Query(0, ge=0),
    ) -> dict[str, Any]:
        flt = EventFilter(type, place, date_from, date_to, actor, q, document)
        items, total = current().events(flt, limit, offset)
        return _page([e.as_dict() for e in items], total, limit, offset, "events")

    @app.get("/api/events/{event_id}", tags=["events"], summary="One event with its documents, claims and disagreements",
             responses={404: {"description": "no event with this id", "content": {"application/json": {"schema": _NOT_FOUND}}}})
    def api_event(event_id: str) -> dict[str, Any]:
        detail = current().event_detail(event_id)
        if detail is None:
            raise StarletteHTTPException(404, f"no event with id {event_id!r}")
        return detail

    @app.get("/api/documents", tags=["documents"], summary="Documents (cleaned text), paginated")
    def api_documents(
        q: Optional[str] = Query(None, description="words in the title or text"),
        outlet: Optional[str] = Query(None, description="outlet name (exact, case-insensitive)"),
        event: Optional[str] = Query(None, description="documents that report this event"),
        with_text: bool = Query(True, description="false leaves text empty"),
        limit: int = Query(100, ge=1, le=MAX_PAGE),
        offset: int = Query(0, ge=0),
    ) -> dict[str, Any]:
        docs, total = current().documents(q, outlet, event, limit, offset)
        items = []
        for a in docs:
            d = document_to_dict(a)
            if not with_text:
                d["text"] = ""
            items.append(d)
        return _page(items, total, limit, offset, "documents")

    @app.get("/api/documents/{doc_id}", tags=["documents"],
             responses={404: {"description": "no document with this id", "content": {"application/json": {"schema": _NOT_FOUND}}}},
             summary="One document with its original text, claims and the events it reports")
    def api_document(doc_id: str) -> dict[str, Any]:
        src = current()
        a = src.document(doc_id)
        if a is None:
            raise StarletteHTTPException(404, f"no document with id {doc_id!r}")
        d = document_to_dict(a)
        d["original_text"] = a.text  # what every offset points into
        return {"document": d, "claims": [c.as_dict() for c in src.claims_of(doc_id)],
                "events": [e.as_dict() for e in src.events_of(doc_id)]}

    @app.get("/api/disagreements", tags=["disagreements"], summary="Disagreements between claims, paginated")
    def api_disagreements(
        event: Optional[str] = Query(None, description="event id"),
        attribute: Optional[str] = Query(None, description="e.g. killed, perpetrator"),
        limit: int = Query(100, ge=1, le=MAX_PAGE),
        offset: int = Query(0, ge=0),
    ) -> dict[str, Any]:
        items, total = current().disagreements(event, attribute, limit, offset)
        return _page(items, total, limit, offset, "disagreements")

    @app.get("/api/entities", tags=["entities"], summary="Actors with their aliases, paginated")
    def api_entities(
        q: Optional[str] = Query(None, description="part of the name or an alias"),
        type: Optional[str] = Query(None, description="PERSON, ARMED_GROUP, GOVERNMENT, MILITARY, ..."),
        limit: int = Query(100, ge=1, le=MAX_PAGE),
        offset: int = Query(0, ge=0),
    ) -> dict[str, Any]:
        items, total = current().entities(q, type, limit, offset)
        return _page(items, total, limit, offset, "entities")

    @app.get("/api/places", tags=["places"], summary="Geocoded places, paginated")
    def api_places(
        id: Optional[list[str]] = Query(None, description="only these place ids (repeatable)"),
        q: Optional[str] = Query(None, description="part of the name or an alias"),
        country: Optional[str] = Query(None, description="ISO 3166-1 alpha-2"),
        limit: int = Query(100, ge=1, le=MAX_PAGE),
        offset: int = Query(0, ge=0),
    ) -> dict[str, Any]:
        items, total = current().places(id, q, country, limit, offset)
        return _page(items, total, limit, offset, "places")

    if write_token:
        _add_write_routes(app, db_url, write_token)

    # ------------------------------------------------------------------ pages
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def page_index(request: Request) -> HTMLResponse:
        qp = request.query_params
        errors: list[str] = []
        form = {k: (qp.get(k) or "").strip()[:200] for k in ("type", "place", "date_from", "date_to", "actor", "q")}
        flt = EventFilter(
            type=form["type"] or None,
            place=form["place"] or None,
            date_from=_parse_date(form["date_from"], "From", errors),
            date_to=_parse_date(form["date_to"], "To", errors),
            actor=form["actor"] or None,
            q=form["q"] or None,
        )
        try:
            page = max(1, int(qp.get("page", "1")))
        except ValueError:
            page = 1
        src = current()
        ix = src.index()
        items, total = src.events(flt, PAGE_SIZE, (page - 1) * PAGE_SIZE)
        pages = max(1, math.ceil(total / PAGE_SIZE))
        types_present = sorted({e.type for e in ix.analysis.events})
        actor_names = sorted({ix.entity_name(x) for e in ix.analysis.events for x in e.actors + e.targets}, key=str.casefold)
        place_names = sorted({views.place_label(ix, e.place).split(",")[0] for e in ix.analysis.events if e.place}, key=str.casefold)
        api_params = {k: v for k, v in form.items() if v and not (k.startswith("date_") and v and errors)}
        api_params["limit"] = str(MAX_PAGE)
        return render(
            "index.html",
            nav="events",
            form=form,
            errors=errors,
            groups=views.timeline(ix, items),
            total=total,
            page=page,
            pages=pages,
            types=[t for t in PLOVER_TYPES if t in types_present],
            actor_names=actor_names,
            place_names=place_names,
            n_docs=len(ix.analysis.documents),
            n_events=len(ix.analysis.events),
            filtered=not flt.is_empty(),
            map_query=urlencode(api_params),
        )

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def page_event(event_id: str) -> HTMLResponse:
        src = current()
        ev = src.event(event_id)
        if ev is None:
            raise StarletteHTTPException(404, "There is no event with this id.")
        return render("event.html", nav="events", p=views.event_page(src.index(), ev))

    @app.get("/documents", response_class=HTMLResponse, include_in_schema=False)
    def page_documents(request: Request) -> HTMLResponse:
        src = current()
        ix = src.index()
        q = (request.query_params.get("q") or "").strip()[:200]
        docs, total = src.documents(q=q or None, limit=MAX_PAGE)
        rows = [{"doc": a, "published": views.published_label(a), "n_events": len(src.events_of(a.id)),
                 "n_claims": len(src.claims_of(a.id)), "outlet": ix.outlet(a.id)} for a in docs]
        return render("documents.html", nav="documents", rows=rows, total=total, q=q)

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def page_document(doc_id: str) -> HTMLResponse:
        src = current()
        ix = src.index()
        a = src.document(doc_id)
        if a is None:
            raise StarletteHTTPException(404, "There is no document with this id.")
        events = src.events_of(doc_id)
        sentences = sorted({(m.sentence.start, m.sentence.end) for ev in events for m in ev.mentions
                            if m.doc == doc_id and m.sentence.field == "text"})  # headline ones: the title above
        claims = src.claims_of(doc_id)
        return render(
            "document.html",
            nav="documents",
            doc=a,
            outlet=ix.outlet(doc_id),
            published=views.published_label(a),
            segments=views.document_segments(a, claims, sentences),
            claims=[views.claim_view(ix, c) for c in claims],
            events=[{"event": ev, "title": views.event_title(ix, ev), "date": views.date_label(ev.date)} for ev in events],
            n_removed=len(a.removed),
        )

    @app.get("/actors", response_class=HTMLResponse, include_in_schema=False)
    def page_actors(request: Request) -> HTMLResponse:
        src = current()
        q = (request.query_params.get("q") or "").strip()[:200]
        items, total = src.entities(q=q or None, limit=MAX_PAGE * 10)
        counts = src.entity_events()
        for e in items:
            e["n_events"] = counts.get(e["id"], 0)
            e["n_mentions"] = len(e["mentions"])
            e["docs"] = sorted({m["doc"] for m in e["mentions"]})
            e["other_names"] = [al for al in e["aliases"] if al != e["name"]]
        return render("actors.html", nav="actors", entities=items, total=total, q=q)

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def page_api_docs() -> HTMLResponse:
        spec = app.openapi()
        ops = []
        for path, methods in spec.get("paths", {}).items():
            for method, op in methods.items():
                ops.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                            "params": [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                                        "description": p.get("description", ""),
                                        "schema": _schema_label(p.get("schema", {}))}
                                       for p in op.get("parameters", [])]})
        return render("api_docs.html", nav="api", ops=ops, info=spec.get("info", {}))

    return app


def _add_write_routes(app: FastAPI, db_url: Optional[str], token: str) -> None:
    """``POST /api/analyze``: only with a write token, only for requests that carry it."""
    import asyncio
    import hmac
    import os
    import tempfile

    expected = f"Bearer {token}".encode()

    @app.post("/api/analyze", tags=["write"], summary="Analyse articles sent as JSONL and add them to the store",
              description="Body: JSON Lines, one article object per line (text, and optionally id, outlet, title, "
                          "published, url). Needs the header 'Authorization: Bearer TOKEN'.")
    async def api_analyze(request: Request) -> JSONResponse:
        given = (request.headers.get("authorization") or "").encode()
        if not hmac.compare_digest(given, expected):
            return JSONResponse({"detail": "a valid 'Authorization: Bearer TOKEN' header is required"}, status_code=401,
                                headers={"WWW-Authenticate": "Bearer"})
        if db_url is None:
            return JSONResponse({"detail": "this server has no store to write to"}, status_code=409)
        body = await request.body()
        if not body.strip():
            return JSONResponse({"detail": "the request body holds no article"}, status_code=400)
        from newsweave.config import Options
        from newsweave.runner import run_analyze

        problems: list[dict[str, Any]] = []
        with tempfile.TemporaryDirectory(prefix="newsweave-post-") as tmp:
            path = os.path.join(tmp, "posted.jsonl")
            with open(path, "wb") as fh:
                fh.write(body)
            options = Options(db=db_url, out=os.path.join(tmp, "out"), quiet=True)

            def on_problem(item: Any) -> None:
                problems.append({"line": getattr(item, "line", None), "reason": getattr(item, "reason", str(item))})

            code = await asyncio.to_thread(run_analyze, [path], options, None, on_problem)
        status = 200 if code == 0 else 400
        return JSONResponse({"status": "stored" if code == 0 else "no article could be read", "problems": problems},
                            status_code=status)


def _schema_label(schema: dict[str, Any]) -> str:
    if "anyOf" in schema:
        return " or ".join(_schema_label(s) for s in schema["anyOf"] if s.get("type") != "null")
    kind = schema.get("type", "")
    if kind == "array":
        return f"list of {_schema_label(schema.get('items', {}))}"
    if schema.get("format"):
        kind = f"{kind} ({schema['format']})"
    bounds = [f"{k} {schema[k]}" for k in ("minimum", "maximum") if k in schema]
    if bounds:
        kind += " [" + ", ".join(bounds) + "]"
    return kind or "any"

"""The local web page of ``qualdeid review``: Starlette on uvicorn, a Jinja2 page, plain JavaScript.

Private by construction: it listens on 127.0.0.1 only; every request must carry the random token of
this run (in the address for the page and its two files, in a header for the API, so that a link or
another web page can neither read nor change anything) and name this host and port (no DNS
rebinding); every response forbids other origins (Content-Security-Policy), framing and caching.
Nothing is fetched from anywhere: the page, its script and its style sheet are files of this package.
"""

from __future__ import annotations

import hmac
import json
import secrets
import socket
from collections.abc import Awaitable, Callable
from importlib import resources
from typing import Any
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from qualdeid.review.session import ADD_LABELS, ReviewError, ReviewSession

TOKEN_HEADER = "x-review-token"
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-frame-options", b"DENY"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
]
STATIC = {"app.js": "text/javascript; charset=utf-8", "app.css": "text/css; charset=utf-8"}
LABEL_NAMES = {
    "PERSON": "person",
    "LOCATION": "place",
    "ORGANIZATION": "organisation",
    "DATE_TIME": "date",
    "AGE": "age",
    "CONTACT": "contact",
    "ID": "ID number",
    "RARE_DETAIL": "rare detail",
}

ASGIApp = Callable[[dict, Callable[[], Awaitable[dict]], Callable[[dict], Awaitable[None]]], Awaitable[None]]


class PortInUse(OSError):
    pass


def bind(port: int | None) -> socket.socket:
    """A listening socket on 127.0.0.1 (``port`` 0 or None: any free port)."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.bind(("127.0.0.1", port or 0))
    except OSError as e:
        sock.close()
        raise PortInUse(f"port {port} on 127.0.0.1 is in use ({e.strerror})") from None
    sock.listen(64)
    sock.set_inheritable(True)
    return sock


class Guard:
    """ASGI middleware: the token and the host on every request, the security headers on every response."""

    def __init__(self, app: ASGIApp, token: str, port: int) -> None:
        self.app = app
        self.token = token.encode()
        self.hosts = {f"127.0.0.1:{port}".encode(), f"localhost:{port}".encode()}

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def secured(message: dict) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        problem = self._refuse(scope)
        if problem is not None:
            status, text = problem
            await Response(text, status_code=status, media_type="text/plain")(scope, receive, secured)
            return
        await self.app(scope, receive, secured)

    def _refuse(self, scope: dict) -> tuple[int, str] | None:
        headers = dict(scope.get("headers") or [])
        if headers.get(b"host") not in self.hosts:
            return 421, "this page answers only on its own address"
        api = scope["path"].startswith("/api/")
        if api:
            given = headers.get(TOKEN_HEADER.encode(), b"")
        else:
            given = (parse_qs(scope.get("query_string", b"").decode()).get("t") or [""])[0].encode()
        if not hmac.compare_digest(given, self.token):
            return 403, "missing or wrong token: open the address that `qualdeid review` printed"
        if scope["method"] not in ("GET", "POST") or (scope["method"] == "POST" and not api):
            return 405, "method not allowed"
        if scope["method"] == "POST" and not headers.get(b"content-type", b"").startswith(b"application/json"):
            return 415, "send JSON"
        return None


def build_app(session: ReviewSession, token: str, port: int) -> ASGIApp:
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("qualdeid.review", "templates"), autoescape=select_autoescape())
    page = env.get_template("index.html")
    static = resources.files("qualdeid.review") / "static"

    def index(request: Request) -> Response:
        html = page.render(token=token, labels=[(lab, LABEL_NAMES[lab]) for lab in ADD_LABELS])
        return HTMLResponse(html)

    def static_file(request: Request) -> Response:
        name = request.path_params["name"]
        if name not in STATIC:
            return Response("not found", status_code=404, media_type="text/plain")
        return Response((static / name).read_bytes(), media_type=STATIC[name])

    def api(fn: Callable[..., Any]) -> Callable[[Request], Any]:
        async def endpoint(request: Request) -> Response:
            args: dict[str, Any] = dict(request.query_params)
            args.update(request.path_params)
            if request.method == "POST":
                try:
                    body = json.loads(await request.body() or b"{}")
                except ValueError:
                    return JSONResponse({"error": "the request is not JSON"}, status_code=400)
                if not isinstance(body, dict):
                    return JSONResponse({"error": "send a JSON object"}, status_code=400)
                args.update(body)
            try:
                return JSONResponse(await run_in_threadpool(fn, **args))
            except ReviewError as e:
                return JSONResponse({"error": str(e)}, status_code=400)
            except (TypeError, ValueError, KeyError) as e:
                return JSONResponse({"error": f"bad request ({type(e).__name__})"}, status_code=400)

        return endpoint

    def groups(offset: str = "0", limit: str = "50", which: str = "open") -> dict:
        return session.group_list(int(offset), min(int(limit), 200), which)

    def documents(offset: str = "0", limit: str = "100") -> dict:
        return session.document_list(int(offset), min(int(limit), 500))

    def decide(doc: Any, start: Any, end: Any, action: str, label: str | None = None) -> dict:
        return session.decide(_int(doc), _int(start), _int(end), action, label)

    def add(doc: Any, start: Any, end: Any, label: str) -> dict:
        return session.add(_int(doc), _int(start), _int(end), label)

    def rare(doc: Any, start: Any, end: Any, choice: str, text: str = "") -> dict:
        return session.rare(_int(doc), _int(start), _int(end), choice, str(text))

    def split(doc: Any, start: Any, end: Any, name: str = "") -> dict:
        return session.split(_int(doc), _int(start), _int(end), str(name))

    reads = {
        "state": session.state,
        "groups": groups,
        "group": lambda id: session.group_detail(str(id)),
        "documents": documents,
        "people": lambda: {"people": session.people()},
        "person": lambda id: session.person(_int(id)),
        "suggestions": lambda text: {"suggestions": session.suggestions(str(text))},
    }
    writes = {
        "decide_group": lambda group, action, label=None: session.decide_group(str(group), str(action), label),
        "decide": decide,
        "add": add,
        "rare": rare,
        "merge": lambda person, into: session.merge(_int(person), _int(into)),
        "split": split,
        "undo": session.undo,
    }
    routes = [
        Route("/", index),
        Route("/static/{name}", static_file),
        Route("/api/document/{index:int}", api(lambda index: session.document(index))),
        *(Route(f"/api/{name}", api(fn)) for name, fn in reads.items()),
        *(Route(f"/api/{name}", api(fn), methods=["POST"]) for name, fn in writes.items()),
    ]
    return Guard(Starlette(routes=routes), token, port)


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError("not a number")
    return int(value)


def new_token() -> str:
    return secrets.token_urlsafe(24)


def serve(session: ReviewSession, sock: socket.socket, token: str) -> None:
    """Serve the page on ``sock`` until interrupted (Ctrl-C). No access log: addresses hold the token."""
    import uvicorn

    port = sock.getsockname()[1]
    config = uvicorn.Config(
        build_app(session, token, port),
        log_level="warning",
        access_log=False,
        lifespan="off",
        server_header=False,
        date_header=False,
    )
    uvicorn.Server(config).run(sockets=[sock])

"""Talking to a Learning Record Store: its address, a small xAPI client and one sync of the outbox.

Standard library only (urllib): one POST per batch, HTTP basic auth, the xAPI version header.
Passwords never appear in messages: errors name the LRS by scheme, host and path only.
"""

from __future__ import annotations

import base64
import json
import os
import urllib.parse
from dataclasses import dataclass, field
from typing import Any, Iterator, Mapping, Optional

from game.outbox import Entry, Outbox
from game.settings import ENV_ENDPOINT, ENV_PASSWORD, ENV_USERNAME
from game.storage import loads_untrusted

BATCH_SIZE = 50
TIMEOUT_SECONDS = 15.0
MAX_ALONE_CONFLICTS = 5  # a statement the LRS keeps calling a conflict yet cannot show is set aside after this
SPLIT_AFTER_ERRORS = 2  # a batch that got HTTP 500 this often is sent one statement at a time
MAX_ALONE_ERRORS = 8  # a statement that alone got HTTP 500 this often is set aside (some LRSs answer 500, not 400,
# to a statement they cannot store); the LRS being unreachable or overloaded (0, 502-504) never counts
RETRY_LATER = (404, 408, 425, 429)  # 4xx that say "not now" or "wrong address", not "bad statement"
CREDENTIALS = (401, 403)


@dataclass(frozen=True)
class LrsConfig:
    """Where the LRS is and how to sign in; the password is never printed."""

    endpoint: str
    username: str = ""
    password: str = field(default="", repr=False)

    def __repr__(self) -> str:
        return f"LrsConfig(endpoint={self.public_name!r}, username={self.username!r})"

    @property
    def statements_url(self) -> str:
        """The statements resource (credentials written into the endpoint go in a header instead)."""
        return urllib.parse.urljoin(self.public_name.rstrip("/") + "/", "statements")

    @property
    def public_name(self) -> str:
        """The endpoint without any user name or password, for messages."""
        try:
            parts = urllib.parse.urlsplit(self.endpoint)
            port = f":{parts.port}" if parts.port else ""
        except ValueError:  # never a configured endpoint (config_from refuses it): say nothing of it
            return "(an invalid address)"
        return f"{parts.scheme}://{parts.hostname or ''}{port}{parts.path}"

    def signed_in(self) -> tuple[str, str]:
        """User name and password: the configured ones, else any written into the endpoint."""
        if self.username or self.password:
            return self.username, self.password
        parts = urllib.parse.urlsplit(self.endpoint)
        return urllib.parse.unquote(parts.username or ""), urllib.parse.unquote(parts.password or "")


def endpoint_problem(endpoint: str) -> Optional[str]:
    """Why ``endpoint`` is not a usable LRS address (None when it is): only http(s) URLs with a host."""
    from game.settings import url_problem  # the same rule as saves/settings.json

    return url_problem(endpoint)


def config_problem(settings: Any, environ: Optional[Mapping[str, str]] = None) -> Optional[str]:
    """A one-line message when the configured LRS address is unusable, naming where it was set and the fix."""
    environ = os.environ if environ is None else environ
    from_environment = bool(environ.get(ENV_ENDPOINT))
    endpoint = environ.get(ENV_ENDPOINT) or getattr(settings, "lrs_endpoint", "")
    if not endpoint or not isinstance(endpoint, str):
        return None
    problem = endpoint_problem(endpoint)
    if problem is None:
        return None
    where = ENV_ENDPOINT if from_environment else "lrs_endpoint in saves/settings.json"
    shown = LrsConfig(endpoint).public_name if problem != "it is not a valid URL" else "(not shown)"
    return (f"{where} is not usable: {problem} ({shown}); set it to the LRS's xAPI address, such as "
            "https://lrs.example.org/xapi/, or unset it")


def config_from(settings: Any, environ: Optional[Mapping[str, str]] = None) -> Optional[LrsConfig]:
    """The LRS to use: the MOT_LRS_* environment variables win over settings.

    None when none is set, or when the address is unusable (:func:`config_problem` says why):
    nothing is ever sent to an address that is not http(s) with a host.
    """
    environ = os.environ if environ is None else environ
    endpoint = environ.get(ENV_ENDPOINT) or getattr(settings, "lrs_endpoint", "")
    if not endpoint or not isinstance(endpoint, str) or endpoint_problem(endpoint):
        return None
    username = environ.get(ENV_USERNAME) or getattr(settings, "lrs_username", "") or ""
    password = environ.get(ENV_PASSWORD) or getattr(settings, "lrs_password", "") or ""
    return LrsConfig(endpoint, username, password)


@dataclass(frozen=True)
class Reply:
    """What the LRS answered: an HTTP status and body, or a network problem (status 0)."""

    status: int
    body: str = ""
    problem: str = ""

    @property
    def ok(self) -> bool:
        """2xx: stored."""
        return 200 <= self.status < 300

    def reason(self, limit: int = 300) -> str:
        """A short sentence for a person: the status and the LRS's own explanation."""
        if self.status == 0:
            return self.problem
        detail = self.body.strip().replace("\n", " ")
        try:
            parsed = loads_untrusted(self.body)
        except ValueError:  # not JSON (or hostile JSON): the body's start says it as well as anything
            parsed = None
        if isinstance(parsed, dict) and parsed.get("detail"):
            given = parsed["detail"]
            detail = given if isinstance(given, str) else json.dumps(given, ensure_ascii=False)
        return f"HTTP {self.status}" + (f": {detail[:limit]}" if detail else "")


class LrsClient:
    """The few xAPI calls the game needs: post statements, look one up, read many."""

    def __init__(self, config: LrsConfig, timeout: float = TIMEOUT_SECONDS):
        self.config = config
        self.timeout = timeout

    def _headers(self) -> dict[str, str]:
        from game.xapi import XAPI_VERSION  # here: the game checks its LRS settings before its first frame

        headers = {"X-Experience-API-Version": XAPI_VERSION, "Content-Type": "application/json",
                   "Accept": "application/json"}
        username, password = self.config.signed_in()
        if username or password:
            pair = f"{username}:{password}".encode("utf-8")
            headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
        return headers

    def _request(self, method: str, url: str, body: Optional[bytes] = None) -> Reply:
        import http.client  # here, with urllib.request: together they cost more than the game's first frame
        import urllib.error
        import urllib.request

        request = urllib.request.Request(url, data=body, method=method, headers=self._headers())
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return Reply(response.status, response.read().decode("utf-8", "replace"))
        except urllib.error.HTTPError as exc:
            return Reply(exc.code, exc.read().decode("utf-8", "replace"))
        except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:  # refused, reset, timed out,
            # or an answer cut off or garbled on the way (IncompleteRead, BadStatusLine)
            cause = getattr(exc, "reason", exc)
            return Reply(0, problem=f"{self.config.public_name} could not be reached ({cause})")

    def post(self, statements: list[dict[str, Any]]) -> Reply:
        """POST a batch of statements."""
        body = json.dumps(statements, ensure_ascii=False).encode("utf-8")
        return self._request("POST", self.config.statements_url, body)

    def has_statement(self, statement_id: str) -> Optional[bool]:
        """True when the LRS holds this statement, False when it says it does not, None when unsure."""
        query = urllib.parse.urlencode({"statementId": statement_id})
        reply = self._request("GET", f"{self.config.statements_url}?{query}")
        if reply.status == 404:
            return False
        if not reply.ok:
            return None
        try:
            data = loads_untrusted(reply.body)
        except ValueError:
            return None
        if isinstance(data, dict) and data.get("id") == statement_id:
            return True
        found = data.get("statements") if isinstance(data, dict) else None
        if isinstance(found, list):  # some LRSs answer a one-statement query with a list
            return any(isinstance(s, dict) and s.get("id") == statement_id for s in found)
        return None

    def statements(self, params: Optional[Mapping[str, str]] = None) -> Iterator[dict[str, Any]]:
        """Every statement matching ``params``, following the LRS's ``more`` links.

        Raises:
            LrsError: when the LRS cannot be read.
        """
        url = self.config.statements_url + ("?" + urllib.parse.urlencode(params) if params else "")
        seen: set[str] = set()
        while url and url not in seen:
            seen.add(url)
            reply = self._request("GET", url)
            if not reply.ok:
                raise LrsError(f"{self.config.public_name}: {reply.reason()}")
            found, more = _statement_page(reply.body, self.config.public_name)
            yield from found
            url = urllib.parse.urljoin(self.config.public_name, more) if more else ""


class LrsError(RuntimeError):
    """The LRS could not be read (for the report)."""


def _statement_page(body: str, lrs: str) -> tuple[list[dict[str, Any]], str]:
    """The statements and the ``more`` link of one StatementResult, checked field by field.

    Raises:
        LrsError: when the answer is not JSON, too deeply nested, or not a StatementResult.
    """
    try:
        page = loads_untrusted(body)
    except ValueError:
        raise LrsError(f"{lrs} did not answer with usable JSON (not JSON, or nested too deeply)") from None
    if not isinstance(page, dict):
        raise LrsError(f"{lrs} did not answer with an xAPI StatementResult (a JSON object)")
    statements = page.get("statements", [])
    if not isinstance(statements, list):
        raise LrsError(f"{lrs} answered with 'statements' that is not a list")
    more = page.get("more") or ""
    if not isinstance(more, str):
        raise LrsError(f"{lrs} answered with a 'more' link that is not text")
    return [s for s in statements if isinstance(s, dict)], more


@dataclass
class SyncReport:
    """What one sync did."""

    sent: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)  # (statement id, reason), newly refused
    problem: str = ""  # why sending stopped (LRS down, credentials refused...), empty when all went
    credentials: bool = False  # the LRS refused the user name or password: a settings problem to tell once

    @property
    def delivered_all(self) -> bool:
        """True when nothing stopped the sync."""
        return not self.problem


def next_batch(pending: list[Entry]) -> list[Entry]:
    """The statements to send next: one that must go alone, or up to BATCH_SIZE in order."""
    alone = next((entry for entry in pending if entry.alone), None)
    return [alone] if alone is not None else pending[:BATCH_SIZE]


def sync(outbox: Outbox, client: LrsClient, max_posts: int = 1000) -> SyncReport:
    """Send the outbox's pending statements until it is empty or the LRS stops taking them."""
    report = SyncReport()
    pending = outbox.entries()  # read once: statements made during this sync go in the next one
    for _ in range(max_posts):
        if not pending:
            break
        batch = next_batch(pending)
        carry_on = _send(outbox, client, batch, report)
        sent_or_set_aside = {id(entry) for entry in batch if not entry.path.exists()}
        pending = [entry for entry in pending if id(entry) not in sent_or_set_aside]
        if not carry_on:
            break
    return report


def _send(outbox: Outbox, client: LrsClient, batch: list[Entry], report: SyncReport) -> bool:
    """Post one batch and file the outcome; False when the sync should stop for now."""
    reply = client.post([entry.statement for entry in batch])
    if reply.ok:
        outbox.mark_sent(batch)
        report.sent += len(batch)
        return True
    if reply.status == 409:  # some ids are stored already (an earlier send whose answer was lost)
        return _settle_conflict(outbox, client, batch, report, reply)
    if reply.status in CREDENTIALS:
        report.credentials = True
        report.problem = f"{client.config.public_name} refused the user name or password ({reply.reason()})"
        return False
    if 400 <= reply.status < 500 and reply.status not in RETRY_LATER:
        if len(batch) > 1:  # find which statement it refuses: send them one at a time
            outbox.note_attempt(batch, alone=True)
            return True
        outbox.refuse(batch[0], reply.reason())
        report.refused.append((batch[0].id, reply.reason()))
        return True
    report.problem = reply.reason() if reply.status == 0 else f"{client.config.public_name}: {reply.reason()}"
    if reply.status == 500:
        return _settle_server_error(outbox, batch, report, reply)
    outbox.note_attempt(batch)
    return False


def _settle_server_error(outbox: Outbox, batch: list[Entry], report: SyncReport, reply: Reply) -> bool:
    """HTTP 500 again and again for the same statements: find the one the LRS chokes on, then set it aside.

    Without this, one statement an LRS cannot store would hold back every statement behind it.
    """
    if len(batch) == 1 and batch[0].alone and batch[0].attempts + 1 >= MAX_ALONE_ERRORS:
        reason = f"{reply.reason()} (the LRS failed on this statement alone {MAX_ALONE_ERRORS} times)"
        outbox.refuse(batch[0], reason)
        report.refused.append((batch[0].id, reason))
        report.problem = ""
        return True
    split = len(batch) > 1 and batch[0].attempts + 1 >= SPLIT_AFTER_ERRORS
    outbox.note_attempt(batch, alone=split)
    return False


def _settle_conflict(outbox: Outbox, client: LrsClient, batch: list[Entry], report: SyncReport,
                     reply: Reply) -> bool:
    """A 409 on a re-send: what the LRS shows it holds is delivered; the rest goes again, one at a time."""
    stored: list[Entry] = []
    missing: list[Entry] = []
    unsure = False
    for entry in batch:
        held = client.has_statement(entry.id)
        unsure = unsure or held is None
        (stored if held else missing).append(entry)
    outbox.mark_sent(stored)
    report.sent += len(stored)
    for entry in missing:
        if entry.alone and entry.attempts + 1 >= MAX_ALONE_CONFLICTS and not unsure:
            outbox.refuse(entry, reply.reason())
            report.refused.append((entry.id, reply.reason()))
    outbox.note_attempt([entry for entry in missing if entry.path.exists()], alone=True)
    if unsure or (missing and not stored and len(batch) == 1):
        report.problem = f"{client.config.public_name}: {reply.reason()}"
        return False
    return True

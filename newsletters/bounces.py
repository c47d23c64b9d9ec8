"""Reading bounce reports: DSNs (RFC 3464) and complaint reports (ARF, RFC 5965)
from a mailbox, plus the mailto: unsubscribe requests our List-Unsubscribe
header invites."""

import email
import email.policy
import re
from dataclasses import dataclass


@dataclass
class Report:
    email: str
    kind: str  # "hard" | "soft" | "complaint" | "unsubscribe"
    detail: str = ""
    token: str = ""
    list_name: str = ""


STATUS = re.compile(r"^\s*([245])\.\d{1,3}\.\d{1,3}")
UNSUBSCRIBE_SUBJECT = re.compile(
    r"unsubscribe\s+(newsletter|digest|all)\s+(\S+)", re.IGNORECASE
)


def _address(value: str) -> str:
    """'rfc822; a@b.example' → 'a@b.example'."""
    value = (value or "").strip()
    if ";" in value:
        value = value.split(";", 1)[1]
    return value.strip().strip("<>").lower()


def _status_blocks(part) -> list:
    """The per-recipient header blocks of a message/delivery-status part."""
    payload = part.get_payload()
    if isinstance(payload, list):  # the email package parses it into messages
        return payload[1:] if len(payload) > 1 else payload
    text = payload if isinstance(payload, str) else ""
    blocks = [b for b in re.split(r"\r?\n\r?\n", text.strip()) if b.strip()]
    return [email.message_from_string(b) for b in blocks[1:]]


def parse_message(raw: bytes) -> list[Report]:
    """Reports found in one message: DSN recipients, an ARF complaint, or an
    unsubscribe request. A message that is none of these gives []."""
    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    ctype = msg.get_content_type()
    report_type = (msg.get_param("report-type") or "").lower()
    reports: list[Report] = []
    if ctype == "multipart/report" and report_type == "delivery-status":
        for part in msg.walk():
            if part.get_content_type() != "message/delivery-status":
                continue
            for block in _status_blocks(part):
                action = (block.get("Action") or "").strip().lower()
                status = block.get("Status") or ""
                recipient = _address(
                    block.get("Final-Recipient") or block.get("Original-Recipient")
                )
                match = STATUS.match(status)
                if not recipient or not match or action not in ("failed", "delayed"):
                    continue
                kind = "hard" if match.group(1) == "5" else "soft"
                detail = f"{status.strip()} {block.get('Diagnostic-Code', '')}"
                reports.append(Report(recipient, kind, detail.strip()))
    elif ctype == "multipart/report" and report_type == "feedback-report":
        recipient = ""
        for part in msg.walk():
            if part.get_content_type() == "message/feedback-report":
                sub = part.get_payload()
                fields = (
                    sub[0] if isinstance(sub, list) else email.message_from_string(sub)
                )
                recipient = _address(fields.get("Original-Rcpt-To") or "")
            elif part.get_content_type() in ("message/rfc822", "text/rfc822-headers"):
                inner = part.get_payload()
                inner = inner[0] if isinstance(inner, list) else None
                if inner is not None and not recipient:
                    recipient = _address(inner.get("To") or "")
        if recipient:
            reports.append(Report(recipient, "complaint", "ARF feedback report"))
    else:
        match = UNSUBSCRIBE_SUBJECT.search(msg.get("Subject") or "")
        if match:
            sender = email.utils.parseaddr(msg.get("From") or "")[1].lower()
            reports.append(
                Report(
                    sender,
                    "unsubscribe",
                    token=match.group(2),
                    list_name=match.group(1).lower(),
                )
            )
    return reports

"""Real mail servers on this machine for the e-mail channel's tests: Dovecot for IMAP (installed by
scripts/mail.sh, started here on a free port with a throw-away mailbox and stopped again) and
aiosmtpd for SMTP (in this process)."""

from __future__ import annotations

import grp
import imaplib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.controller import Controller

ADDRESS = "kontakt@sundby.se"
PASSWORD = "ett-imap-losenord-42"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Imap:
    def __init__(self):
        dovecot = shutil.which("dovecot") or "/usr/sbin/dovecot"
        assert Path(dovecot).exists(), "Dovecot is missing: run scripts/mail.sh (make test does)"
        # Dovecot's own processes (user "dovecot") read the password file: not in pytest's private folders.
        folder = Path(tempfile.mkdtemp(prefix="omdome-dovecot-"))
        folder.chmod(0o755)
        self.folder, self.port = folder, _free_port()
        user = pwd.getpwnam("dovecot")  # made by Debian's package; mail may not belong to root
        for name in ("run", "state", "home"):
            (folder / name).mkdir(parents=True, exist_ok=True)
        os.chown(folder / "home", user.pw_uid, grp.getgrnam("dovecot").gr_gid)
        (folder / "users").write_text(f"{ADDRESS}:{{PLAIN}}{PASSWORD}\n")
        (folder / "users").chmod(0o644)
        (folder / "dovecot.conf").write_text(f"""
base_dir = {folder}/run
state_dir = {folder}/state
log_path = {folder}/dovecot.log
listen = 127.0.0.1
protocols = imap
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
# The mailbox belongs to the "dovecot" system user, whose uid is below Dovecot's default floor.
first_valid_uid = 1
mail_location = maildir:{folder}/home/%u/Maildir
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {folder}/users
}}
userdb {{
  driver = static
  args = uid={user.pw_uid} gid={user.pw_gid} home={folder}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    port = {self.port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
""")
        self.process = subprocess.Popen([dovecot, "-F", "-c", str(folder / "dovecot.conf")],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.process.stderr.read().decode() if self.process.stderr else ""
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.1)
        raise AssertionError(f"Dovecot did not listen: {(folder / 'dovecot.log').read_text(errors='replace')}")

    def deliver(self, message: EmailMessage) -> None:
        box = imaplib.IMAP4("127.0.0.1", self.port)
        box.login(ADDRESS, PASSWORD)
        assert box.append("INBOX", None, None, message.as_bytes())[0] == "OK"
        box.logout()

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)
        shutil.rmtree(self.folder, ignore_errors=True)


class Smtp:
    """An SMTP server that keeps what it is sent."""

    def __init__(self):
        self.received: list[tuple[str, list[str], bytes]] = []
        outer = self

        class Handler:
            async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]  # noqa: N802
                outer.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content))
                return "250 OK"

        self.port = _free_port()
        self.controller = Controller(Handler(), hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        self.controller.stop()

"""A real SMTP server for the mail tests (Debian's python3-aiosmtpd): STARTTLS required,
AUTH required over TLS, each accepted message written to a folder as an .eml file.

    smtp_server.py PORT CERT_PEM KEY_PEM USER PASSWORD FOLDER

Prints "ready" once it accepts connections and stops when its stdin closes."""
import os
import ssl
import sys

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

port, cert, key, user, password, folder = sys.argv[1:7]


class Keep:
    count = 0

    async def handle_DATA(self, server, session, envelope):
        Keep.count += 1
        path = os.path.join(folder, "%04d.eml" % Keep.count)
        with open(path + ".part", "wb") as f:
            f.write(envelope.original_content)
        os.rename(path + ".part", path)
        return "250 OK"


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == user.encode() and auth_data.password == password.encode()
    # handled=False: aiosmtpd answers a refusal with 535 itself (handled=True would leave the client waiting for a reply).
    return AuthResult(success=ok, handled=False)


context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
context.load_cert_chain(cert, key)
controller = Controller(Keep(), hostname="127.0.0.1", port=int(port), tls_context=context, require_starttls=True,
                        authenticator=authenticate, auth_required=True, auth_require_tls=True)
controller.start()
print("ready", flush=True)
sys.stdin.read()
controller.stop()

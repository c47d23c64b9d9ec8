"""The real network as demo data, read from `centres/demo/network.yaml`."""

from pathlib import Path

from p2i_portal.demo_data import demo_read

_NETWORK = demo_read(Path(__file__).resolve().parent / "demo" / "network.yaml")

CENTRES: list[dict] = _NETWORK["centres"]
# Sign-ins of the demo network, each with the same public password; staff who must
# use 2FA share one published TOTP secret, so `manage.py demo_totp` can print codes.
USERS: list[dict] = _NETWORK["users"]
DEMO_PASSWORD: str = _NETWORK["password"]
DEMO_TOTP_SECRET: str = _NETWORK["totp_secret"]

"""The endpoint's settings read once, as one value: the engine restarts the server when it changes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from desktop.delivery.unsubscribe import public_https


class SettingsReader(Protocol):
    def get(self, key: str) -> object: ...


@dataclass(frozen=True)
class EndpointConfig:
    enabled: bool = False
    host: str = "127.0.0.1"
    port: int = 8765
    public_url: str = ""     # "" unless it is a public https address
    opens: bool = False      # tracking.opens

    @classmethod
    def from_settings(cls, settings: SettingsReader) -> "EndpointConfig":
        return cls(enabled=bool(settings.get("endpoint.enabled")),
                   host=str(settings.get("endpoint.host") or "127.0.0.1"),
                   port=int(str(settings.get("endpoint.port") or 8765)),
                   public_url=public_https(str(settings.get("endpoint.public_url") or "")),
                   opens=bool(settings.get("tracking.opens")))

    @property
    def serves(self) -> bool:
        """Whether the engine runs the server: switched on, with somewhere public to be reached."""
        return self.enabled and bool(self.public_url)

    @property
    def local_url(self) -> str:
        """Where this computer reaches the server (a wildcard bind is reached on loopback)."""
        host = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(self.host, self.host)
        return f"http://[{host}]:{self.port}" if ":" in host else f"http://{host}:{self.port}"

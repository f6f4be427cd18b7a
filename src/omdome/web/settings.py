"""Django settings, read from the environment so that one file serves development and production.

OMDOME_DEBUG=1 turns on development mode (what ``make run`` uses): pages on localhost and
127.0.0.1 count as a registered demo site. DATABASE_URL chooses the database
(SQLite in OMDOME_DATA_DIR by default; ``postgres://…`` for PostgreSQL).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("OMDOME_DATA_DIR", Path.cwd() / "var"))


def _make_data_dir() -> None:
    """Create the data folder, or say in one line why it cannot be (the commands report it, exit code 2)."""
    try:
        DATA_DIR.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f"OMDOME_DATA_DIR: cannot create the folder {DATA_DIR}: {error.strerror}") from None


def _flag(name: str, default: bool = False) -> bool:
    return os.environ.get(name, "1" if default else "0").lower() in ("1", "true", "yes", "on")


def _secret_key() -> str:
    """OMDOME_SECRET_KEY, else the key a development run (``make run``) keeps in the data folder.

    Commands run against that folder (createadmin, import-comments, …) use the same key; outside
    development ``omdome serve`` insists on OMDOME_SECRET_KEY.
    """
    if key := os.environ.get("OMDOME_SECRET_KEY"):
        return key
    path = DATA_DIR / "secret_key"
    if not path.is_file() and not DEBUG:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f"Set OMDOME_SECRET_KEY (a long random string), or run in development mode "
                                   f"(OMDOME_DEBUG=1, as make run does) once to create {path}.")
    if not path.is_file():
        _make_data_dir()
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        path.chmod(0o600)
    return path.read_text(encoding="utf-8").strip()


DEBUG = _flag("OMDOME_DEBUG")
SECRET_KEY = _secret_key()
ALLOWED_HOSTS = [h for h in os.environ.get("OMDOME_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h]
CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("OMDOME_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

# The Graph API's address (Facebook, Instagram); only tests point it elsewhere.
OMDOME_GRAPH_URL = os.environ.get("OMDOME_GRAPH_URL", "https://graph.facebook.com")
# Google's APIs (YouTube) and its token endpoint; likewise.
OMDOME_GOOGLE_API_URL = os.environ.get("OMDOME_GOOGLE_API_URL", "https://www.googleapis.com")
OMDOME_GOOGLE_TOKEN_URL = os.environ.get("OMDOME_GOOGLE_TOKEN_URL", "https://oauth2.googleapis.com/token")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.syndication",
    "ninja",  # serves /api/docs from its own bundled files, not from a CDN
    "django_tasks",
    "django_tasks_db",
    "omdome.web.core",
    "omdome.web.messages",
    "omdome.web.people",
    "omdome.web.policies",
    "omdome.web.thinktwice",
    "omdome.web.comments",
    "omdome.web.scheduling",
    "omdome.web.inbox",
    "omdome.web.rules",  # before cases: rules run first on a new message
    "omdome.web.cases",
    "omdome.web.reports",
    "omdome.web.analysis",
    "omdome.web.integrations",
    "omdome.web.channels",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "omdome.web.comments.cors.SiteCorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "omdome.web.core.middleware.ServiceErrorMiddleware",
    "omdome.web.core.middleware.ApiMethodNotAllowedMiddleware",
    "omdome.web.policies.middleware.AcknowledgementMiddleware",
]

ROOT_URLCONF = "omdome.web.urls"
WSGI_APPLICATION = "omdome.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "omdome.web.core.navigation.nav_items",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{DATA_DIR / 'omdome.sqlite3'}", conn_max_age=600, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    if DATABASES["default"]["NAME"] == str(DATA_DIR / "omdome.sqlite3"):
        _make_data_dir()  # a fresh data folder: SQLite makes only the file
    # WAL with full sync: durable commits without blocking readers (see DESIGN.md); writers queue on
    # a lock file instead of SQLite's sleeping retries (omdome.web.core.sqlite).
    DATABASES["default"]["ENGINE"] = "omdome.web.core.sqlite"
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

TASKS = {
    "default": {
        "BACKEND": os.environ.get("OMDOME_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# Single sign-on (OpenID Connect), on when a client id is set. The provider's endpoints are given
# explicitly: nothing is discovered over the network when the app starts.
OMDOME_OIDC_ENABLED = bool(os.environ.get("OMDOME_OIDC_CLIENT_ID"))
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
if OMDOME_OIDC_ENABLED:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.insert(0, "omdome.web.people.oidc.OmdomeOIDCBackend")
    OIDC_RP_CLIENT_ID = os.environ["OMDOME_OIDC_CLIENT_ID"]
    OIDC_RP_CLIENT_SECRET = os.environ.get("OMDOME_OIDC_CLIENT_SECRET", "")
    OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ.get("OMDOME_OIDC_AUTHORIZATION_ENDPOINT", "")
    OIDC_OP_TOKEN_ENDPOINT = os.environ.get("OMDOME_OIDC_TOKEN_ENDPOINT", "")
    OIDC_OP_USER_ENDPOINT = os.environ.get("OMDOME_OIDC_USERINFO_ENDPOINT", "")
    OIDC_OP_JWKS_ENDPOINT = os.environ.get("OMDOME_OIDC_JWKS_ENDPOINT", "")
    OIDC_RP_SIGN_ALGO = os.environ.get("OMDOME_OIDC_SIGN_ALGO", "RS256")
    OIDC_RP_SCOPES = "openid email profile"
    LOGIN_REDIRECT_URL_FAILURE = "/login/"
LOGIN_URL = "core:login"
LOGIN_REDIRECT_URL = "core:home"
# Password reset and invitations: printed on the console unless an SMTP server is configured.
EMAIL_BACKEND = os.environ.get("OMDOME_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("OMDOME_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("OMDOME_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("OMDOME_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("OMDOME_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = _flag("OMDOME_EMAIL_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("OMDOME_EMAIL_FROM", "omdome@localhost")
# Where people reach this installation: the links in e-mails sent by the background worker.
OMDOME_BASE_URL = os.environ.get("OMDOME_BASE_URL", "http://127.0.0.1:8000").rstrip("/")

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", _("Swedish")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("OMDOME_TIME_ZONE", "Europe/Stockholm")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
# Development and tests serve static files from the apps; production runs collectstatic.
WHITENOISE_USE_FINDERS = DEBUG
if DEBUG:
    import warnings

    warnings.filterwarnings("ignore", message="No directory at")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = not DEBUG and _flag("OMDOME_HTTPS", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Every page runs only the project's own files: no inline script or style, nothing from elsewhere
# (the API documentation included: its Swagger UI is bundled, not fetched).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"], "script-src": ["'self'"], "style-src": ["'self'"],
        "img-src": ["'self'", "data:"], "connect-src": ["'self'"], "font-src": ["'self'"],
        "object-src": ["'none'"], "base-uri": ["'self'"], "form-action": ["'self'"], "frame-ancestors": ["'none'"],
    },
}

# Requests a client may make per window (see core/ratelimit.py); failed logins per user name
# and per address.
OMDOME_RATE_LIMITS = {
    "login_user": (int(os.environ.get("OMDOME_LOGIN_ATTEMPTS", "5")), 900),
    "login_ip": (int(os.environ.get("OMDOME_LOGIN_ATTEMPTS_IP", "20")), 900),
    "read": (int(os.environ.get("OMDOME_RATE_READ", "300")), 60),
    "attempt": (int(os.environ.get("OMDOME_RATE_ATTEMPTS", "30")), 60),
    "ip": (int(os.environ.get("OMDOME_RATE_IP", "5")), 60),
    "thread": (int(os.environ.get("OMDOME_RATE_THREAD", "30")), 60),
    "report": (int(os.environ.get("OMDOME_RATE_REPORT", "10")), 3600),
}
# The rate counters: a small SQLite file that every process on this machine shares (core/ratelimit.py).
OMDOME_COUNTERS = Path(os.environ.get("OMDOME_COUNTERS", DATA_DIR / "counters.sqlite3"))
OMDOME_EDIT_MINUTES = 10
# A triage model the organisation trained on its own decisions (omdome train … -o DIR); the shipped
# model when empty.
OMDOME_TRIAGE_MODEL = os.environ.get("OMDOME_TRIAGE_MODEL", "")
# How often an open inbox asks for new messages (seconds).
OMDOME_INBOX_POLL_SECONDS = int(os.environ.get("OMDOME_INBOX_POLL_SECONDS", "30"))
# Behind a reverse proxy: how many proxies add to X-Forwarded-For (the client address comes
# from there), and whether they tell Django the request came over HTTPS.
OMDOME_TRUSTED_PROXIES = int(os.environ.get("OMDOME_TRUSTED_PROXIES", "0"))
if OMDOME_TRUSTED_PROXIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"omdome": {"handlers": ["console"], "level": os.environ.get("OMDOME_LOG_LEVEL", "INFO")}},
}

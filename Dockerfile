# P2I Portal — production image (gunicorn by default; the same image runs the
# Celery worker, Celery beat and the one-shot migrate job, see docker-compose.yml).
#
#   docker build -t p2i-portal .
#
# Every secret comes from the environment at run time (.env.example lists them);
# nothing secret is baked into the image.

FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_ROOT_USER_ACTION=ignore \
    DJANGO_SETTINGS_MODULE=p2i_portal.settings.production \
    DJANGO_MEDIA_ROOT=/app/media \
    DJANGO_STATIC_ROOT=/app/staticfiles \
    PYTHONPATH=/app

WORKDIR /app

# The unprivileged user the processes run as (fixed ids, so volume ownership is
# predictable across rebuilds). Its home is writable (gunicorn >= 27 puts its
# control socket in ~/.gunicorn); the source tree in /app is not.
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --home-dir /home/app --create-home \
        --shell /usr/sbin/nologin app

# 1. Dependencies only, read from pyproject.toml: this layer is rebuilt only when
#    the dependency list changes, not on every source edit.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > requirements.txt \
    && pip install --no-cache-dir -r requirements.txt \
    && rm requirements.txt

# 2. The project itself. Installed editable so that every process (manage.py,
#    gunicorn, celery) imports the packages from /app, next to templates/,
#    static/ and locale/ that the settings find relative to the source tree.
COPY . .
RUN pip install --no-cache-dir --no-deps -e . \
    && rm -rf build

# 3. Static files, collected and compressed at build time. The settings need
#    their required variables to import; these dummies exist only for this step
#    (settings do not connect to the database or Redis at import time).
RUN DJANGO_SECRET_KEY=build-only \
    DJANGO_ALLOWED_HOSTS=localhost \
    DATABASE_URL=postgres://x@localhost/x \
    REDIS_URL=redis://localhost:6379/0 \
    EMAIL_URL=consolemail:// \
    python manage.py collectstatic --noinput \
    && mkdir -p /app/media /app/translations \
    && chown app:app /app/media /app/translations

USER app

EXPOSE 8000

CMD ["gunicorn", "p2i_portal.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]

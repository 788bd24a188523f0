"""Production settings, read by `gunicorn app:server` from the directory it is started in.

Sized for a 2-core machine: one worker process per core, each answering several requests at once on
threads (while one thread waits on the network, another computes; static files come from the
compressed cache). Any setting can still be overridden on the command line (`--workers 4`).
"""

import os

# The same address as `python app.py`: HOST and PORT, 127.0.0.1:8050 unless set (behind a reverse proxy).
bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8050')}"

workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "gthread"
threads = 4

# Build the app once in the master: the data are loaded and validated, and every script is compressed
# at best brotli, before the workers fork and share that work. A bad data/ file stops start-up there,
# with one line per problem, instead of a crash loop of workers.
preload_app = True

# Callbacks answer in tens of milliseconds (bench/RESULTS.md); 30 s only catches a stuck worker. A restart lets requests
# in flight finish for up to 20 s.
timeout = 30
graceful_timeout = 20
keepalive = 5

# One line per request on stdout, errors on stderr.
accesslog = "-"
errorlog = "-"
loglevel = "info"

# The runtime control socket (gunicorn 25.1+) is not used: nothing to expose.
control_socket_disable = True

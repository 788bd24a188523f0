"""The HTTP side of the app: response headers (content policy, caching). Not the model: it knows Dash and Flask."""

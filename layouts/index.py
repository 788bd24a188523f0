"""The HTML document around the Dash app."""

# The page's HTML around Dash's app: a language for screen readers and spell-checkers (written per
# visitor by app.install_languages), and Dash's scripts outside a <footer>, so the page has
# one footer landmark (its own) rather than two.
INDEX = """<!DOCTYPE html>
<html lang="en">
    <head>
        {%metas%}
        <title>{%title%}</title>
        {%favicon%}
        {%css%}
    </head>
    <body>
        {%app_entry%}
        {%config%}
        {%scripts%}
        {%renderer%}
    </body>
</html>"""

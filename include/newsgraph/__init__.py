"""newsgraph: English news articles in, validated entity and money tables out.

The package holds all of the pipeline's logic and imports nothing from Airflow,
so every piece is usable (and tested) without a scheduler.
"""

__version__ = "0.1.0"

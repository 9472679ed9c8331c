"""Charts: their data (`data`, standard library, snapshot-tested) and their drawing (`draw`,
Matplotlib, imported only once charts are wanted so numbers can paint before it loads)."""

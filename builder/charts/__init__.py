"""What the guide and the deck must agree on when they draw a figure.

Renderer-free: number formats, series colours, axis scales, label wrapping, timeline lanes,
map projection and a small scene model (shapes in points) that both painters draw. If a
decision would otherwise be made twice, once per output, it lives here.
"""

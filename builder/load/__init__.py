"""Load: a source's YAML composed with positions, validated into the model, cross-checked.

Nothing here imports reportlab or python-pptx, so ``validate`` stays light.
"""

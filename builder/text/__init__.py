"""What both renderers share about text: fonts, measurement, inline markup, number formats."""

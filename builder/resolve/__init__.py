"""Resolve: the lecture and its layout become one ``Document`` the renderers read.

Figure and question numbering, the edition rules and the glossary are decided here, once.
"""

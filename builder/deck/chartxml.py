"""Raw Open XML of native charts: what python-pptx's chart API does not reach (label
separators and leader lines, a doughnut's hole, axis crossings and ids, the plot's inner box,
level tick labels, every category named). Names follow the schema; like ``oxml``, the only
other place the deck touches raw XML.
"""

from __future__ import annotations

from pptx.oxml.ns import qn


def set_data_label_separator(data_labels, separator: str) -> None:
    """Set ``c:dLbls/c:separator`` (e.g. a line break between a pie slice's name and value).

    The schema puts ``c:separator`` after the ``c:show*`` flags and before
    ``c:showLeaderLines``, ``c:leaderLines`` and ``c:extLst``.
    """
    labels = data_labels._element
    for element in labels.findall(qn("c:separator")):
        labels.remove(element)
    element = labels.makeelement(qn("c:separator"), {})
    element.text = separator
    later = {qn(tag) for tag in ("c:showLeaderLines", "c:leaderLines", "c:extLst")}
    anchor = next((child for child in labels if child.tag in later), None)
    if anchor is None:
        labels.append(element)
    else:
        anchor.addprevious(element)


def set_doughnut_hole(chart, percent: int) -> None:
    """Set a doughnut chart's ``c:holeSize`` (10–90 % of the diameter)."""
    for hole in chart._chartSpace.xpath(".//c:doughnutChart/c:holeSize"):
        hole.set("val", str(percent))


def set_axis_crosses(axis, where: str) -> None:
    """Set this axis's own ``c:crosses`` (``autoZero``, ``min`` or ``max``): where it meets the
    perpendicular axis. python-pptx's ``crosses`` only writes the other axis's element."""
    for crosses in axis._element.findall(qn("c:crosses")):
        crosses.set("val", where)


def show_every_category(axis) -> None:
    """Name every category on a category axis (``c:tickLblSkip val="1"``): left to choose,
    LibreOffice (and PowerPoint) print every other name when they judge the labels crowded,
    and half the bars go unnamed."""
    element = axis._element
    for old in element.findall(qn("c:tickLblSkip")):
        element.remove(old)
    from lxml import etree

    skip = etree.SubElement(element, qn("c:tickLblSkip"), {"val": "1"})
    successors = [element.find(qn(tag)) for tag in ("c:tickMarkSkip", "c:noMultiLvlLbl",
                                                    "c:extLst")]
    following = next((node for node in successors if node is not None), None)
    if following is not None:  # the schema's order: tickLblSkip before these
        following.addprevious(skip)


def renumber_axis_ids(chart) -> None:
    """Make ``c:axId``/``c:crossAx`` values positive: python-pptx's chart templates use
    negative ids, which the schema (an unsignedInt) and strict validators reject."""
    space = chart._chartSpace
    ids = sorted({int(e.get("val")) for e in space.xpath(".//c:axId | .//c:crossAx")})
    mapping = {old: str(index + 1000001) for index, old in enumerate(ids)}
    for element in space.xpath(".//c:axId | .//c:crossAx"):
        element.set("val", mapping[int(element.get("val"))])


def set_plot_inner_box(chart, x: float, y: float, w: float, h: float) -> None:
    """Place the plot's inner rectangle (axes, not their labels) at fractions of the chart
    (``c:plotArea/c:layout/c:manualLayout``, layoutTarget inner, edge mode)."""
    from lxml import etree

    plot_area = chart._chartSpace.find(qn("c:chart")).find(qn("c:plotArea"))
    old = plot_area.find(qn("c:layout"))
    if old is not None:
        plot_area.remove(old)
    layout = etree.SubElement(plot_area, qn("c:layout"))
    plot_area.remove(layout)
    plot_area.insert(0, layout)  # the schema puts c:layout first in c:plotArea
    manual = etree.SubElement(layout, qn("c:manualLayout"))
    for tag, value in (("layoutTarget", "inner"), ("xMode", "edge"), ("yMode", "edge"),
                       ("x", x), ("y", y), ("w", w), ("h", h)):
        etree.SubElement(manual, qn(f"c:{tag}")).set(
            "val", value if isinstance(value, str) else f"{value:.4f}")


def keep_tick_labels_level(axis) -> None:
    """Tell an axis's tick labels never to rotate (``a:bodyPr rot="0" vert="horz"`` in its
    ``c:txPr``); PowerPoint would otherwise slant them when it judges them crowded."""
    axis.tick_labels.font.size  # makes python-pptx create c:txPr with its a:bodyPr
    body = axis._element.find(qn("c:txPr")).find(qn("a:bodyPr"))
    body.set("rot", "0")
    body.set("vert", "horz")


def set_leader_lines(data_labels) -> None:
    """Turn on ``c:showLeaderLines`` for a series' data labels: a pie's label moved out from
    a thin slice keeps a line to it. The schema puts it after ``c:separator``, before
    ``c:leaderLines`` and ``c:extLst``."""
    labels = data_labels._element
    for element in labels.findall(qn("c:showLeaderLines")):
        labels.remove(element)
    element = labels.makeelement(qn("c:showLeaderLines"), {"val": "1"})
    later = {qn(tag) for tag in ("c:leaderLines", "c:extLst")}
    anchor = next((child for child in labels if child.tag in later), None)
    if anchor is None:
        labels.append(element)
    else:
        anchor.addprevious(element)


def set_point_label(point, number_format: str, separator: str, with_name: bool = True) -> None:
    """Make a point's own data label (``c:dLbl``, which python-pptx opens showing the value
    only) show its category (unless ``with_name`` is False) and value as the series' labels
    do: ``c:numFmt`` before the text properties, ``c:showCatName`` on, and the
    ``c:separator`` after the show flags."""
    label = point.data_label._get_or_add_dLbl()
    for element in label.findall(qn("c:numFmt")):
        label.remove(element)
    fmt = label.makeelement(qn("c:numFmt"), {"formatCode": number_format, "sourceLinked": "0"})
    anchor = next((child for child in label if child.tag in {
        qn("c:spPr"), qn("c:txPr"), qn("c:dLblPos"), qn("c:showLegendKey")}), None)
    if anchor is None:
        label.append(fmt)
    else:
        anchor.addprevious(fmt)
    for element in label.findall(qn("c:showCatName")):
        element.set("val", "1" if with_name else "0")
    for element in label.findall(qn("c:separator")):
        label.remove(element)
    text = label.makeelement(qn("c:separator"), {})
    text.text = separator
    later = next((child for child in label if child.tag == qn("c:extLst")), None)
    if later is None:
        label.append(text)
    else:
        later.addprevious(text)


def set_first_slice_angle(chart, degrees: int) -> None:
    """Set a pie's or doughnut's ``c:firstSliceAng`` (0–360, clockwise from 12 o'clock). The
    schema puts it after ``c:ser``/``c:dLbls`` and, in a doughnut, before ``c:holeSize``."""
    for plot in chart._chartSpace.xpath(".//c:pieChart | .//c:doughnutChart"):
        for element in plot.findall(qn("c:firstSliceAng")):
            plot.remove(element)
        element = plot.makeelement(qn("c:firstSliceAng"), {"val": str(int(degrees) % 360)})
        anchor = next((child for child in plot
                       if child.tag in (qn("c:holeSize"), qn("c:extLst"))), None)
        if anchor is None:
            plot.append(element)
        else:
            anchor.addprevious(element)

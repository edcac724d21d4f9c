// Build-time tool: renders the SVG application icon to the PNG sizes of the hicolor icon theme,
// with Qt's own SVG renderer, so the PNGs always match the SVG and no extra program is needed.
// Usage: dlplay_render_icon IN.svg OUTDIR SIZE... → OUTDIR/SIZExSIZE/apps/dlplay.png
#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char** argv) {
  QCoreApplication app(argc, argv);
  const QStringList args = QCoreApplication::arguments();
  if (args.size() < 4) {
    std::fprintf(stderr, "usage: dlplay_render_icon IN.svg OUTDIR SIZE...\n");
    return 2;
  }
  QSvgRenderer svg(args[1]);
  if (!svg.isValid()) {
    std::fprintf(stderr, "error: %s is not a valid SVG file\n", qPrintable(args[1]));
    return 1;
  }
  for (qsizetype i = 3; i < args.size(); ++i) {
    bool ok = false;
    const int size = args[i].toInt(&ok);
    if (!ok || size < 1) {
      std::fprintf(stderr, "error: bad size '%s'\n", qPrintable(args[i]));
      return 2;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    svg.render(&painter);
    painter.end();
    const QString dir = QStringLiteral("%1/%2x%2/apps").arg(args[2]).arg(size);
    const QString out = dir + QStringLiteral("/dlplay.png");
    if (!QDir().mkpath(dir) || !image.save(out, "PNG")) {
      std::fprintf(stderr, "error: cannot write %s\n", qPrintable(out));
      return 1;
    }
  }
  return 0;
}

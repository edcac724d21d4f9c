// A user's image folder for the tests: one sub-folder per class of dark bars on white (as a scanner
// gives them) at random places, 24×24 PNG. Classes "across", "upright" and "diagonal".
#pragma once

#include <QDir>
#include <QImage>
#include <QPainter>
#include <QString>
#include <QStringList>

#include <cstdint>

// Writes `perClass` images of each class into root/<class>/<i>.png; false if one cannot be written.
inline bool writeBarImages(const QString& root, const QStringList& classes, int perClass, std::uint64_t seed) {
  std::uint64_t state = seed;
  const auto next = [&](int n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<int>((state >> 33) % static_cast<std::uint64_t>(n));
  };
  for (const QString& cls : classes) {
    const QDir dir(QDir(root).filePath(cls));
    if (!QDir().mkpath(dir.path())) return false;
    for (int i = 0; i < perClass; ++i) {
      QImage img(24, 24, QImage::Format_RGB32);
      img.fill(Qt::white);
      QPainter p(&img);
      p.setPen(QPen(Qt::black, 3));
      const int a = 5 + next(14), b0 = 2 + next(5), b1 = 17 + next(5);
      if (cls == QLatin1String("across"))
        p.drawLine(b0, a, b1, a);
      else if (cls == QLatin1String("upright"))
        p.drawLine(a, b0, a, b1);
      else
        p.drawLine(b0, b0, b1, b1);
      p.end();
      if (!img.save(dir.filePath(QString("%1.png").arg(i)))) return false;
    }
  }
  return true;
}

// Image sets through Qt: QImageReader reads each header first, so an oversized image is refused
// before it is decoded.
#include "io/ImageFolder.h"

#include "core/Error.h"
#include "data/Images.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>

#include <vector>

namespace dlio {

namespace {

std::string text(const QString& s) { return s.toStdString(); }

bool isImageName(const QString& name) {
  const QString suffix = QFileInfo(name).suffix().toLower();
  return suffix == QLatin1String("png") || suffix == QLatin1String("jpg") || suffix == QLatin1String("jpeg");
}

}  // namespace

QImage readImageFile(const QString& path) {
  const QFileInfo info(path);
  if (!info.exists()) throw dl::DataError({text(path)}, DL_TRANSLATE_NOOP("dl", "file does not exist"));
  // A FIFO blocks the reader and /dev/zero never ends: only regular files are read.
  if (!info.isFile())
    throw dl::DataError({text(path)}, DL_TRANSLATE_NOOP("dl", "not a regular file (a device, FIFO or socket)"));
  QImageReader reader(path);
  reader.setDecideFormatFromContent(true);  // a JPEG named .png is still read; a text file is not
  const QSize source = reader.size();       // from the header, without decoding
  if (source.isValid() && (source.width() > kMaxSourceSide || source.height() > kMaxSourceSide))
    throw dl::DataError(
        {text(path)},
        {DL_TRANSLATE_NOOP("dl", "the image is %1 pixels; the limit is %2 on each side"),
         {std::to_string(source.width()) + " × " + std::to_string(source.height()), std::to_string(kMaxSourceSide)}});
  QImage image = reader.read();
  if (image.isNull())
    throw dl::DataError({text(path)},
                        {DL_TRANSLATE_NOOP("dl", "cannot be read as an image: %1"), {text(reader.errorString())}});
  if (image.width() > kMaxSourceSide || image.height() > kMaxSourceSide)  // a header without a size
    throw dl::DataError(
        {text(path)},
        {DL_TRANSLATE_NOOP("dl", "the image is %1 pixels; the limit is %2 on each side"),
         {std::to_string(image.width()) + " × " + std::to_string(image.height()), std::to_string(kMaxSourceSide)}});
  return image;
}

dl::Dataset loadBundledDigits() {
  QFile file(QStringLiteral(":/data/digits.csv.gz"));
  if (!file.open(QIODevice::ReadOnly))
    throw dl::DataError({text(file.fileName())}, DL_TRANSLATE_NOOP("dl", "cannot open the file for reading"));
  return dl::parseDigitsCsv(file.readAll().toStdString(), "digits.csv.gz");
}

QStringList imageFolderClasses(const QString& root) {
  return QDir(root).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

dl::Dataset loadImageFolder(const QString& root, int size, bool rgb) {
  if (size < kMinImageSide || size > kMaxImageSide)
    throw dl::ConfigError("images.size", std::to_string(size),
                          {DL_TRANSLATE_NOOP("dl", "must be in %1"),
                           {"[" + std::to_string(kMinImageSide) + ", " + std::to_string(kMaxImageSide) + "]"}});
  const QFileInfo rootInfo(root);
  if (!rootInfo.exists()) throw dl::DataError({text(root)}, DL_TRANSLATE_NOOP("dl", "file does not exist"));
  if (!rootInfo.isDir())
    throw dl::DataError({text(root)}, DL_TRANSLATE_NOOP("dl", "is not a folder (expected one sub-folder per class)"));

  const QDir dir(root);
  const QStringList classes = imageFolderClasses(root);
  if (classes.size() < 2)
    throw dl::DataError(
        {text(root)},
        {DL_TRANSLATE_NOOP("dl", "holds %1 class folders; at least %2 are needed (one sub-folder per class)"),
         {std::to_string(classes.size()), "2"}});

  // Every file first, so the limits are checked before anything is decoded.
  std::vector<std::pair<int, QString>> files;  // (class, path)
  for (int k = 0; k < classes.size(); ++k) {
    const QDir classDir(dir.filePath(classes[k]));
    int found = 0;
    // QDir::Files without QDir::System: no FIFOs, sockets or devices.
    for (const QString& name : classDir.entryList(QDir::Files, QDir::Name)) {
      if (!isImageName(name)) continue;
      const QString path = classDir.filePath(name);
      if (!QFileInfo(path).isFile()) continue;
      files.emplace_back(k, path);
      ++found;
      if (files.size() > static_cast<std::size_t>(kMaxFolderImages))
        throw dl::DataError({text(root)}, {DL_TRANSLATE_NOOP("dl", "holds more than %1 images, the limit"),
                                           {std::to_string(kMaxFolderImages)}});
    }
    if (found == 0)
      throw dl::DataError({text(classDir.path())},
                          DL_TRANSLATE_NOOP("dl", "the class folder holds no images (*.png, *.jpg, *.jpeg)"));
  }
  const qint64 channels = rgb ? 3 : 1;
  const qint64 values = static_cast<qint64>(files.size()) * channels * size * size;
  if (values > kMaxFolderValues)
    throw dl::DataError({text(root)},
                        {DL_TRANSLATE_NOOP("dl", "%1 images of %2 values each make %3 values; the limit is %4"),
                         {std::to_string(files.size()), std::to_string(channels * size * size), std::to_string(values),
                          std::to_string(kMaxFolderValues)}});

  dl::Dataset d;
  d.image = {channels, size, size};
  d.X.resize(d.image.size(), static_cast<dl::Index>(files.size()));
  d.labels.reserve(files.size());
  const dl::Scalar inv = dl::Scalar(1) / dl::Scalar(255);
  for (std::size_t i = 0; i < files.size(); ++i) {
    const QString& path = files[i].second;
    QImage image = readImageFile(path);
    image = image.scaled(size, size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
                .convertToFormat(rgb ? QImage::Format_RGB888 : QImage::Format_Grayscale8);
    const dl::Index col = static_cast<dl::Index>(i);
    for (int y = 0; y < size; ++y) {
      const uchar* line = image.constScanLine(y);
      for (int x = 0; x < size; ++x)
        for (int c = 0; c < channels; ++c)
          d.X((c * size + y) * size + x, col) = static_cast<dl::Scalar>(line[x * channels + c]) * inv;
    }
    d.labels.push_back(files[i].first);
  }
  d.numClasses = static_cast<int>(classes.size());
  for (const QString& c : classes) d.classNames.push_back(text(c));
  d.featureNames = dl::imageFeatureNames(d.image);
  return d;
}

}  // namespace dlio

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../io/ErrorText.cpp" line="+25"/>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>column %1</source>
        <translation>第 %1 列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <location filename="../io/CnnIo.cpp" line="+196"/>
        <location filename="../io/ErrorText.cpp" line="+3"/>
        <location line="+10"/>
        <location filename="../io/ExperimentIo.cpp" line="+249"/>
        <location filename="../io/LandscapeIo.cpp" line="+150"/>
        <location filename="../io/SearchIo.cpp" line="+147"/>
        <location filename="../io/SeqIo.cpp" line="+91"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location filename="../io/ErrorText.cpp" line="-6"/>
        <source>field &apos;%1&apos; has bad value &apos;%2&apos;: %3</source>
        <translation>字段“%1”的值“%2”无效：%3</translation>
    </message>
    <message>
        <location filename="../io/JsonReader.cpp" line="+88"/>
        <source>%1: invalid JSON at line %2, column %3: %4</source>
        <translation>%1：第 %2 行第 %3 列的 JSON 无效：%4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: the top level must be a JSON object</source>
        <translation>%1：最外层必须是 JSON 对象</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: field &apos;%2&apos; is given twice; a key may appear only once</source>
        <translation>%1：字段“%2”出现了两次；同一个键只能出现一次</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the file name is empty</source>
        <translation>文件名为空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: no such file</source>
        <translation>%1：文件不存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../io/OutputFile.cpp" line="+41"/>
        <source>%1: is a folder, not a file</source>
        <translation>%1：这是文件夹，不是文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: not a regular file (a device, FIFO or socket)</source>
        <translation>%1：不是普通文件（而是设备、FIFO 或套接字）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: the file is %2 MB; experiment files are limited to %3 MB</source>
        <translation>%1：文件大小为 %2 MB，实验文件不能超过 %3 MB</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: cannot be read: %2</source>
        <translation>%1：无法读取：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: the file is over the %2 MB limit for experiment files</source>
        <translation>%1：文件超过实验文件 %2 MB 的上限</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: the file is empty</source>
        <translation>%1：文件为空</translation>
    </message>
    <message>
        <location filename="../io/OutputFile.cpp" line="-13"/>
        <source>%1: cannot be written: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the output file name is empty</source>
        <translation>输出文件名为空</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: cannot be written: the folder %2 does not exist</source>
        <translation>%1：无法写入：文件夹 %2 不存在</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>the file is not open</source>
        <translation>文件未打开</translation>
    </message>
    <message>
        <location filename="../io/CnnIo.cpp" line="+14"/>
        <location filename="../io/LandscapeIo.cpp" line="+8"/>
        <location filename="../io/Presets.cpp" line="+27"/>
        <location filename="../io/SearchIo.cpp" line="+21"/>
        <location filename="../io/SeqIo.cpp" line="+14"/>
        <source>preset &apos;%1&apos; does not exist; --list-presets shows them</source>
        <translation>预设“%1”不存在；用 --list-presets 可列出全部预设</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../io/LandscapeIo.cpp" line="+2"/>
        <location filename="../io/Presets.cpp" line="+2"/>
        <location filename="../io/SearchIo.cpp" line="+2"/>
        <location filename="../io/SeqIo.cpp" line="+2"/>
        <source>preset &apos;%1&apos; cannot be read</source>
        <translation>无法读取预设“%1”</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../io/LandscapeIo.cpp" line="+1"/>
        <location filename="../io/Presets.cpp" line="+1"/>
        <location filename="../io/SearchIo.cpp" line="+1"/>
        <location filename="../io/SeqIo.cpp" line="+1"/>
        <source>preset &apos;%1&apos;</source>
        <translation>预设“%1”</translation>
    </message>
</context>
<context>
    <name>dl</name>
    <message>
        <location filename="../engine/data/Images.cpp" line="+59"/>
        <source>the IDX header is cut short: the file holds %1 bytes, the header needs %2</source>
        <translation>IDX 文件头不完整：文件只有 %1 字节，文件头需要 %2 字节</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+158"/>
        <source>IDX header field &apos;%1&apos; is %2, expected %3</source>
        <translation>IDX 文件头字段“%1”为 %2，应为 %3</translation>
    </message>
    <message>
        <location line="-151"/>
        <source>IDX header field &apos;%1&apos; is %2; it must be from %3 to %4</source>
        <translation>IDX 文件头字段“%1”为 %2；必须在 %3 到 %4 之间</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the IDX data is %1 bytes; the header&apos;s %2 needs %3</source>
        <translation>IDX 数据为 %1 字节；文件头中的 %2 需要 %3 字节</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>a digits row holds %1 values (%2 pixels, then the label); this row has %3</source>
        <translation>digits 的每行应有 %1 个值（%2 个像素，然后是标签）；这一行有 %3 个</translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../engine/nn/Embedding.cpp" line="+28"/>
        <source>&apos;%1&apos; is not a whole number from %2 to %3</source>
        <translation>“%1”不是 %2 到 %3 之间的整数</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the file holds no images</source>
        <translation>文件中没有图像</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>the file holds %1 labels for the %2 images of %3</source>
        <translation>文件中有 %1 个标签，而 %3 中有 %2 张图像</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>label %1 of item %2 is outside 0..%3</source>
        <translation>第 %2 项的标签 %1 超出 0..%3 的范围</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>not installed: apt-get install %1</source>
        <translation>未安装：请运行 apt-get install %1</translation>
    </message>
    <message>
        <location filename="../engine/data/ImageTransforms.cpp" line="+40"/>
        <source>the data are not images of the shape %1</source>
        <translation>数据不是形状为 %1 的图像</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>not a permutation of the %1 pixel positions</source>
        <translation>不是 %1 个像素位置的排列</translation>
    </message>
    <message>
        <location filename="../io/ImageFolder.cpp" line="+74"/>
        <source>is not a folder (expected one sub-folder per class)</source>
        <translation>不是文件夹（应为每个类别一个子文件夹）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>holds %1 class folders; at least %2 are needed (one sub-folder per class)</source>
        <translation>包含 %1 个类别文件夹；至少需要 %2 个（每个类别一个子文件夹）</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>holds more than %1 images, the limit</source>
        <translation>包含的图像超过上限 %1 张</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the class folder holds no images (*.png, *.jpg, *.jpeg)</source>
        <translation>该类别文件夹中没有图像（*.png、*.jpg、*.jpeg）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 images of %2 values each make %3 values; the limit is %4</source>
        <translation>%1 张图像、每张 %2 个值，共 %3 个值；上限为 %4</translation>
    </message>
    <message>
        <location line="-67"/>
        <location line="+9"/>
        <source>the image is %1 pixels; the limit is %2 on each side</source>
        <translation>图像为 %1 像素；每边上限为 %2</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>cannot be read as an image: %1</source>
        <translation>无法作为图像读取：%1</translation>
    </message>
    <message>
        <location filename="../io/ExperimentIo.cpp" line="-22"/>
        <location filename="../io/JsonReader.h" line="+47"/>
        <location line="+58"/>
        <source>must be a number</source>
        <translation>必须是数字</translation>
    </message>
    <message>
        <location line="-27"/>
        <location filename="../io/JsonReader.h" line="-51"/>
        <location line="+7"/>
        <location line="+67"/>
        <source>must be a whole number</source>
        <translation>必须是整数</translation>
    </message>
    <message>
        <location filename="../io/JsonReader.h" line="-58"/>
        <source>a seed is a whole number from %1 to %2</source>
        <translation>随机种子必须是 %1 到 %2 之间的整数</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+32"/>
        <source>must be a string</source>
        <translation>必须是字符串</translation>
    </message>
    <message>
        <location filename="../io/ExperimentIo.cpp" line="+44"/>
        <location filename="../io/JsonReader.h" line="-26"/>
        <source>must be an object</source>
        <translation>必须是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../io/JsonReader.h" line="+5"/>
        <source>must be a list</source>
        <translation>必须是列表</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>unknown field</source>
        <translation>未知字段</translation>
    </message>
    <message>
        <location filename="../io/ExperimentIo.cpp" line="-186"/>
        <source>a generator state has %1 hex words</source>
        <translation>随机数生成器的状态由 %1 个十六进制字组成</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>must be a hex string</source>
        <translation>必须是十六进制字符串</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>not a dlplay experiment (expected &apos;%1&apos;)</source>
        <translation>不是 dlplay 实验文件（应为“%1”）</translation>
    </message>
    <message>
        <location filename="../io/CnnIo.cpp" line="-170"/>
        <source>every layer names its kind</source>
        <translation>每一层都要写明它的类型（kind）</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>must be &quot;same&quot; or a whole number of pixels &gt;= 0</source>
        <translation>必须是 &quot;same&quot; 或不小于 0 的整数像素数</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>a CNN file starts with &quot;format&quot;: &quot;%1&quot;</source>
        <translation>卷积网络文件以 &quot;format&quot;: &quot;%1&quot; 开头</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a CNN file says &quot;lab&quot;: &quot;%1&quot;</source>
        <translation>卷积网络文件应写明 &quot;lab&quot;: &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../io/JsonReader.cpp" line="+11"/>
        <source>this dlplay reads format version %1 to %2</source>
        <translation>这个版本的 dlplay 只能读取格式版本 %1 到 %2</translation>
    </message>
    <message>
        <location filename="../io/ExperimentIo.cpp" line="+9"/>
        <source>lists at least one input feature (or leave it out)</source>
        <translation>至少要列出一个输入特征（或者省略这一项）</translation>
    </message>
    <message>
        <location filename="../io/CnnIo.cpp" line="-132"/>
        <location filename="../io/ExperimentIo.cpp" line="+9"/>
        <source>each layer is an object like %1</source>
        <translation>每一层都应是形如 %1 的对象</translation>
    </message>
    <message>
        <location filename="../engine/act/Registry.cpp" line="+22"/>
        <location line="+22"/>
        <location filename="../engine/config/Fields.cpp" line="+223"/>
        <location filename="../engine/nn/Lstm.cpp" line="+17"/>
        <location filename="../engine/nn/Maxout.cpp" line="+11"/>
        <location filename="../engine/nn/Recurrent.cpp" line="+39"/>
        <location filename="../engine/nn/Upsample.cpp" line="+16"/>
        <location filename="../engine/search/Search.cpp" line="+125"/>
        <location line="+3"/>
        <location line="+3"/>
        <location line="+8"/>
        <location filename="../engine/train/Trainer.cpp" line="+343"/>
        <source>must be between %1 and %2</source>
        <translation>必须在 %1 到 %2 之间</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>unknown activation (known: %1)</source>
        <translation>未知的激活函数（可用：%1）</translation>
    </message>
    <message>
        <location filename="../engine/data/FileBytes.cpp" line="+62"/>
        <location filename="../io/ImageFolder.cpp" line="-15"/>
        <location line="+41"/>
        <source>file does not exist</source>
        <translation>文件不存在</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>cannot start decompressing the gzip file</source>
        <translation>无法开始解压 gzip 文件</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>broken gzip data: %1</source>
        <translation>gzip 数据损坏：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>decompressed, the file is larger than the %1 MB limit</source>
        <translation>解压后文件超过 %1 MB 的上限</translation>
    </message>
    <message>
        <location filename="../engine/data/Csv.cpp" line="+202"/>
        <source>UTF-16 text with an odd number of bytes (the file is cut short)</source>
        <translation>UTF-16 文本的字节数为奇数（文件不完整）</translation>
    </message>
    <message>
        <location filename="../engine/data/FileBytes.cpp" line="+19"/>
        <source>is a folder, not a file</source>
        <translation>这是文件夹，不是文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../io/ImageFolder.cpp" line="-38"/>
        <source>not a regular file (a device, FIFO or socket)</source>
        <translation>不是普通文件（而是设备、FIFO 或套接字）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cannot read the file size: %1</source>
        <translation>无法读取文件大小：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>file is %1 MB, larger than the %2 MB limit</source>
        <translation>文件大小为 %1 MB，超过了 %2 MB 的上限</translation>
    </message>
    <message>
        <location line="+3"/>
        <location filename="../io/ImageFolder.cpp" line="+24"/>
        <source>cannot open the file for reading</source>
        <translation>无法打开文件读取</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot read the file</source>
        <translation>无法读取文件</translation>
    </message>
    <message>
        <location filename="../engine/data/Csv.cpp" line="+39"/>
        <source>the label column has %1 distinct values in %2 rows: a real-valued target, not classes (load it as regression: &apos;real-valued target&apos;, or data.csv.regression in a file)</source>
        <translation>标签列在 %2 行中有 %1 个不同的值：这是实数值目标，不是类别（请按回归加载：勾选“实数值目标”，或在文件中设置 data.csv.regression）</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+9"/>
        <location filename="../engine/seq/Corpus.cpp" line="+56"/>
        <source>file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>the line has %1 cells, but most lines have %2</source>
        <translation>该行有 %1 个单元格，而大多数行有 %2 个</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>label column index %1 (0-based, -1 = last) is out of range: the file has %2 columns</source>
        <translation>标签列序号 %1（从 0 开始，-1 表示最后一列）超出范围：文件只有 %2 列</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the file has only one column; it needs at least one feature column and a label column</source>
        <translation>文件只有一列；至少需要一列特征和一列标签</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>the line has %1 cells, expected %2</source>
        <translation>这一行有 %1 个单元格，应为 %2 个</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: NaN/Inf is not allowed</source>
        <translation>%1：不允许出现 NaN/Inf</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is too large: values must lie within ±%2</source>
        <translation>%1 太大：数值必须在 ±%2 以内</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the class label is empty</source>
        <translation>类别标签为空</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>empty cell is not a number</source>
        <translation>空单元格不是数字</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is not a number</source>
        <translation>%1 不是数字</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>need at least %1 data rows, found %2</source>
        <translation>至少需要 %1 行数据，只找到 %2 行</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>class label %1 is not a non-negative integer (use regression for real-valued targets)</source>
        <translation>类别标签 %1 不是非负整数（实数目标请选择回归）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>label column has only one class: %1</source>
        <translation>标签列只有一个类别：%1</translation>
    </message>
    <message>
        <location filename="../engine/data/Generators.cpp" line="+197"/>
        <source>unknown source; expected one of %1</source>
        <translation>未知的数据来源；可用：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <location filename="../engine/search/Search.cpp" line="-38"/>
        <source>must be at least %1</source>
        <translation>不能小于 %1</translation>
    </message>
    <message>
        <location filename="../engine/config/ConfigChecks.cpp" line="+39"/>
        <location filename="../engine/optim/BufferedOptimizer.cpp" line="+44"/>
        <location filename="../engine/train/Trainer.cpp" line="+164"/>
        <source>must be finite and &gt;= %1</source>
        <translation>必须是有限数且 ≥ %1</translation>
    </message>
    <message>
        <location line="-17"/>
        <location filename="../engine/config/Fields.cpp" line="+2"/>
        <location filename="../engine/data/ImageTransforms.cpp" line="+24"/>
        <location line="+4"/>
        <location filename="../engine/data/Shapes.cpp" line="+37"/>
        <location line="+3"/>
        <location line="+2"/>
        <location filename="../engine/schedule/Schedules.cpp" line="+127"/>
        <location filename="../engine/surface/Race.cpp" line="+69"/>
        <location filename="../io/ImageFolder.cpp" line="+11"/>
        <source>must be in %1</source>
        <translation>必须在区间 %1 内</translation>
    </message>
    <message>
        <location filename="../engine/data/Generators.cpp" line="+4"/>
        <source>too few points for %1 classes of at least 1 point each</source>
        <translation>点数太少：%1 个类别每类至少需要 1 个点</translation>
    </message>
    <message>
        <location filename="../engine/data/Prepare.cpp" line="+48"/>
        <source>validation and test fractions together must stay below %1</source>
        <translation>验证集与测试集的比例之和必须小于 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>must hold exactly two feature indices</source>
        <translation>必须恰好包含两个特征序号</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>feature indices must be &gt;= 0</source>
        <translation>特征序号必须 ≥ 0</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the two feature indices must differ</source>
        <translation>两个特征序号必须不同</translation>
    </message>
    <message>
        <location line="+333"/>
        <source>no CSV file given</source>
        <translation>未指定 CSV 文件</translation>
    </message>
    <message>
        <location filename="../engine/config/Fields.cpp" line="-165"/>
        <source>must be -1 (last column) or &gt;= 0</source>
        <translation>必须是 -1（最后一列）或 ≥ 0</translation>
    </message>
    <message>
        <location filename="../engine/data/Prepare.cpp" line="-185"/>
        <location line="+193"/>
        <source>resampling balances classes; this is a regression data set</source>
        <translation>重采样用于平衡类别，而这是回归数据集</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unknown input feature (known: %1)</source>
        <translation>未知的输入特征（可用的有：%1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>this input feature is listed twice</source>
        <translation>这个输入特征列出了两次</translation>
    </message>
    <message>
        <location line="-216"/>
        <source>the data set has %1 labels for %2 samples</source>
        <translation>数据集有 %2 个样本，却有 %1 个标签</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>class label %1 is outside 0..%2</source>
        <translation>类别标签 %1 超出了 0..%2 的范围</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the data set has %1 targets for %2 samples</source>
        <translation>数据集有 %2 个样本，却有 %1 个目标值</translation>
    </message>
    <message>
        <location line="-132"/>
        <source>feature index out of range: the data has %1 features</source>
        <translation>特征序号超出范围：数据只有 %1 个特征</translation>
    </message>
    <message>
        <location line="+143"/>
        <source>leaves %1 training samples of %2; at least %3 are needed</source>
        <translation>%2 个样本中只剩 %1 个用于训练；至少需要 %3 个</translation>
    </message>
    <message>
        <location line="+255"/>
        <source>feature inputs are computed from two coordinates; the data has %1 features</source>
        <translation>输入特征由两个坐标计算得出；而该数据有 %1 个特征</translation>
    </message>
    <message>
        <location filename="../engine/loss/Loss.cpp" line="+201"/>
        <source>needs one weight per class (%1)</source>
        <translation>每个类别需要一个权重（共 %1 个）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>class weights must be positive</source>
        <translation>类别权重必须为正数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>cross-entropy needs a classification data set</source>
        <translation>交叉熵损失需要分类数据集</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>binary cross-entropy needs exactly 2 classes</source>
        <translation>二元交叉熵需要恰好 2 个类别</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>squared error on a sigmoid output needs exactly 2 classes</source>
        <translation>sigmoid 输出上的平方误差只适用于恰好 2 个类别</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>unknown loss (known: %1)</source>
        <translation>未知的损失函数（可用：%1）</translation>
    </message>
    <message>
        <location filename="../engine/metrics/Metrics.cpp" line="+16"/>
        <source>confusion matrix: %1 true labels but %2 predictions</source>
        <translation>混淆矩阵：有 %1 个真实标签，却有 %2 个预测</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>confusion matrix: k = %1 classes</source>
        <translation>混淆矩阵：类别数 k = %1 无效</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>confusion matrix: label pair (%1, %2) at sample %3 is outside 0..%4</source>
        <translation>混淆矩阵：样本 %3 的标签对 (%1, %2) 超出了 0..%4 的范围</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>ROC curve: %1 scores but %2 labels</source>
        <translation>ROC 曲线：有 %1 个得分，却有 %2 个标签</translation>
    </message>
    <message>
        <location filename="../engine/nn/Network.cpp" line="+33"/>
        <source>the data must have at least one feature</source>
        <translation>数据至少要有一个特征</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the network needs at least one output</source>
        <translation>网络至少需要一个输出</translation>
    </message>
    <message>
        <location filename="../engine/config/Config.cpp" line="+23"/>
        <location filename="../engine/nn/Network.cpp" line="+3"/>
        <source>at most %1 hidden layers</source>
        <translation>隐藏层最多 %1 层</translation>
    </message>
    <message>
        <location filename="../engine/config/Fields.cpp" line="+21"/>
        <location filename="../engine/nn/Network.cpp" line="+12"/>
        <source>a layer needs between %1 and %2 units</source>
        <translation>每层的单元数必须在 %1 到 %2 之间</translation>
    </message>
    <message>
        <location filename="../engine/nn/Dropout.cpp" line="+15"/>
        <location filename="../engine/nn/Network.cpp" line="+3"/>
        <source>the dropout rate must be in %1</source>
        <translation>随机失活率必须在区间 %1 内</translation>
    </message>
    <message>
        <location filename="../engine/nn/Conv1d.cpp" line="+14"/>
        <location filename="../engine/nn/Conv2d.cpp" line="+28"/>
        <location filename="../engine/nn/ConvArithmetic.cpp" line="+34"/>
        <location filename="../engine/nn/ConvTranspose2d.cpp" line="+20"/>
        <location line="+28"/>
        <location filename="../engine/nn/Dense.cpp" line="+12"/>
        <location filename="../engine/nn/Embedding.cpp" line="-14"/>
        <location line="+3"/>
        <location filename="../engine/nn/LocallyConnected2d.cpp" line="+16"/>
        <location filename="../engine/nn/Recurrent.cpp" line="-9"/>
        <location line="+3"/>
        <location filename="../engine/nn/SpatialPyramidPool.cpp" line="+12"/>
        <location filename="../engine/optim/BufferedOptimizer.cpp" line="-16"/>
        <location filename="../engine/train/Trainer.cpp" line="+3"/>
        <location line="+2"/>
        <source>must be &gt;= %1</source>
        <translation>必须 ≥ %1</translation>
    </message>
    <message>
        <location filename="../engine/nn/Conv2d.cpp" line="+3"/>
        <source>the groups must divide the %1 input and %2 output channels</source>
        <translation>分组数必须能整除 %1 个输入通道和 %2 个输出通道</translation>
    </message>
    <message>
        <location filename="../engine/optim/BufferedOptimizer.cpp" line="+7"/>
        <source>not a state buffer of %1 (expected: %2)</source>
        <translation>不是 %1 的状态缓冲区（应为：%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>buffer given twice</source>
        <translation>缓冲区重复出现</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>expected %1 values, one per parameter</source>
        <translation>应有 %1 个值，每个参数一个</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>buffer missing from the state of %1</source>
        <translation>%1 的状态中缺少这个缓冲区</translation>
    </message>
    <message>
        <location filename="../engine/schedule/Schedules.cpp" line="-8"/>
        <source>plateau state is {best loss, evaluations without improvement, factor}</source>
        <translation>平台期调度的状态应为 {最佳损失, 未改善的评估次数, 系数}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must not be NaN</source>
        <translation>不能是 NaN</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must be a whole number &gt;= 0</source>
        <translation>必须是 ≥ 0 的整数</translation>
    </message>
    <message>
        <location filename="../engine/config/Fields.cpp" line="+10"/>
        <source>the dropout rate must be between %1 and %2</source>
        <translation>随机失活率必须在 %1 到 %2 之间</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>the initial bias must be between %1 and %2</source>
        <translation>初始偏置必须在 %1 到 %2 之间</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the learning rate must be &gt; %1 and at most %2</source>
        <translation>学习率必须大于 %1 且不超过 %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>the L1 strength must be between %1 and %2</source>
        <translation>L1 强度必须在 %1 到 %2 之间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the L2 strength must be between %1 and %2</source>
        <translation>L2 强度必须在 %1 到 %2 之间</translation>
    </message>
    <message>
        <location filename="../engine/nn/Conv1d.cpp" line="+3"/>
        <location filename="../io/SearchIo.cpp" line="-69"/>
        <source>must be &apos;%1&apos; or &apos;%2&apos;</source>
        <translation>必须是“%1”或“%2”</translation>
    </message>
    <message>
        <location filename="../engine/config/Fields.cpp" line="+4"/>
        <location line="+3"/>
        <source>must be 0 (off) or a positive number up to %2</source>
        <translation>必须为 0（关闭）或不超过 %2 的正数</translation>
    </message>
    <message>
        <location filename="../engine/cnn/CnnFields.cpp" line="+36"/>
        <location filename="../engine/cnn/CnnTrainer.cpp" line="+142"/>
        <location filename="../engine/seq/SeqFields.cpp" line="+147"/>
        <source>is already listed at [%1]</source>
        <translation>已在第 [%1] 项列出</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+20"/>
        <location line="+25"/>
        <source>must be 0 (every image) or at most %2</source>
        <translation>必须是 0（使用全部图片）或不超过 %2</translation>
    </message>
    <message>
        <location line="-13"/>
        <location filename="../engine/config/Fields.cpp" line="+6"/>
        <location filename="../engine/seq/SeqFields.cpp" line="-83"/>
        <source>the batch size must be between %1 and %2</source>
        <translation>批大小必须在 %1 到 %2 之间</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>must be 0 (no pretraining) or positive</source>
        <translation>必须为 0（不预训练）或正数</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>must name a folder of images, one sub-folder per class</source>
        <translation>必须指定一个图像文件夹，每个类别一个子文件夹</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+35"/>
        <source>a class label is 0 or more</source>
        <translation>类别标签必须大于等于 0</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>the validation and test fractions must leave some training data</source>
        <translation>验证集和测试集的比例必须给训练集留下数据</translation>
    </message>
    <message>
        <location line="+2"/>
        <location filename="../engine/nn/Architecture.cpp" line="+48"/>
        <location filename="../engine/seq/SeqFields.cpp" line="+59"/>
        <source>needs at least one layer</source>
        <translation>至少需要一层</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+13"/>
        <location line="+1"/>
        <source>a weighted layer&apos;s index counts from 0</source>
        <translation>带权重层的序号从 0 开始</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>a pretraining phase needs a number of steps above 0</source>
        <translation>预训练阶段的步数必须大于 0</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>name the classes to pretrain on, e.g. [0, 1, 2, 3, 4]</source>
        <translation>请列出预训练使用的类别，例如 [0, 1, 2, 3, 4]</translation>
    </message>
    <message>
        <location filename="../engine/config/Config.cpp" line="+25"/>
        <source>batch normalisation needs at least %1 samples per mini-batch</source>
        <translation>批归一化要求每个小批量至少有 %1 个样本</translation>
    </message>
    <message>
        <location filename="../engine/cnn/CnnFields.cpp" line="-72"/>
        <location filename="../engine/config/Fields.cpp" line="+3"/>
        <source>must be 0 (every epoch) or positive</source>
        <translation>必须为 0（每轮评估一次）或正数</translation>
    </message>
    <message>
        <location filename="../engine/config/Config.cpp" line="+4"/>
        <source>class weights must be positive and at most %1</source>
        <translation>类别权重必须为正数且不超过 %1</translation>
    </message>
    <message>
        <location filename="../engine/surface/Race.cpp" line="-22"/>
        <location line="+173"/>
        <source>must be finite and within ±%1</source>
        <translation>必须是有限值，且在 ±%1 以内</translation>
    </message>
    <message>
        <location line="-169"/>
        <source>at most %1 racers</source>
        <translation>最多 %1 个选手</translation>
    </message>
    <message>
        <location filename="../engine/cnn/CnnFields.cpp" line="+51"/>
        <location filename="../engine/cnn/CnnTrainer.cpp" line="-83"/>
        <location filename="../engine/cnn/Focus.cpp" line="+73"/>
        <location line="+87"/>
        <location line="+162"/>
        <location filename="../engine/config/Fields.cpp" line="+42"/>
        <location filename="../engine/nn/Architecture.cpp" line="-8"/>
        <location filename="../engine/seq/SeqFields.cpp" line="+8"/>
        <location line="+13"/>
        <location filename="../engine/surface/Race.cpp" line="+9"/>
        <location filename="../engine/surface/Surfaces.cpp" line="+373"/>
        <source>unknown name (expected one of: %1)</source>
        <translation>未知的名称（可用：%1）</translation>
    </message>
    <message>
        <location filename="../engine/config/ConfigChecks.cpp" line="+68"/>
        <source>the network would have %1 million parameters; at most %2 million fit</source>
        <translation>网络将有 %1×10⁶ 个参数，最多只能容纳 %2×10⁶ 个</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../engine/seq/Seq2SeqTrainer.cpp" line="+45"/>
        <source>a mini-batch of this size through these layers holds %1 million values; at most %2 million fit (use a smaller batch or fewer units)</source>
        <translation>这么大的小批量经过这些层需要保存 %1×10⁶ 个数值，最多只能容纳 %2×10⁶ 个（请减小批大小或减少神经元）</translation>
    </message>
    <message>
        <location line="-66"/>
        <location filename="../engine/optim/BufferedOptimizer.cpp" line="-9"/>
        <location filename="../engine/train/Trainer.cpp" line="-12"/>
        <source>must be finite</source>
        <translation>必须是有限数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be finite and &gt; %1</source>
        <translation>必须是有限数且 &gt; %1</translation>
    </message>
    <message>
        <location filename="../engine/train/Trainer.cpp" line="-164"/>
        <source>the network has %1 weighted layers</source>
        <translation>网络共有 %1 个带权重的层</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>this layer&apos;s weights are %1 × %2</source>
        <translation>这一层的权重矩阵是 %1 × %2</translation>
    </message>
    <message>
        <location line="+117"/>
        <source>no such hidden layer</source>
        <translation>没有这个隐藏层</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>the network has %1 parameters</source>
        <translation>网络有 %1 个参数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the network has %1 batch-norm statistics</source>
        <translation>网络有 %1 个批归一化统计量</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>weights must be finite numbers</source>
        <translation>权重必须是有限数</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>does not match the training set size %1</source>
        <translation>与训练集的大小 %1 不符</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>index outside the training set</source>
        <translation>序号超出训练集范围</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the index appears twice; the order must list every sample once</source>
        <translation>该索引出现了两次；顺序中每个样本必须恰好出现一次</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>outside the training set</source>
        <translation>超出训练集范围</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+3"/>
        <source>a generator state must not be all zeros</source>
        <translation>随机数生成器的状态不能全为零</translation>
    </message>
    <message>
        <location filename="../engine/train/Runs.cpp" line="+55"/>
        <source>runs compared side by side must share one data set</source>
        <translation>并排比较的几次训练必须使用同一份数据</translation>
    </message>
    <message>
        <location filename="../engine/surface/Expression.cpp" line="+36"/>
        <source>empty expression</source>
        <translation>表达式为空</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>unexpected end of the expression at column %1</source>
        <translation>表达式在第 %1 列意外结束</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unexpected &apos;%1&apos; at column %2</source>
        <translation>第 %2 列出现了意料之外的“%1”</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>the number &apos;%1&apos; at column %2 is too large</source>
        <translation>第 %2 列的数字“%1”太大</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>unknown character &apos;%1&apos; at column %2</source>
        <translation>第 %2 列有无法识别的字符“%1”</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>nested too deeply at column %1 (at most %2 levels)</source>
        <translation>第 %1 列嵌套过深（最多 %2 层）</translation>
    </message>
    <message>
        <location line="+54"/>
        <location line="+22"/>
        <source>missing &apos;)&apos; for the &apos;(&apos; at column %1</source>
        <translation>第 %1 列的“(”缺少配对的“)”</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>&apos;%1&apos; at column %2 needs its argument in parentheses</source>
        <translation>第 %2 列的“%1”需要把参数写在括号里</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>unknown name &apos;%1&apos; at column %2</source>
        <translation>第 %2 列有未知名称“%1”</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>too long: %1 characters (at most %2)</source>
        <translation>太长：%1 个字符（最多 %2 个）</translation>
    </message>
    <message>
        <location filename="../engine/surface/Surfaces.cpp" line="-21"/>
        <source>must be a two-class generated data set (%1)</source>
        <translation>必须是生成的二分类数据集（%1）</translation>
    </message>
    <message>
        <location filename="../io/LandscapeIo.cpp" line="-84"/>
        <location line="+3"/>
        <source>a landscape file starts with &quot;lab&quot;: &quot;%1&quot;</source>
        <translation>地形实验文件开头应写明 &quot;lab&quot;: &quot;%1&quot;</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>is a point [x, y]</source>
        <translation>应是一个点 [x, y]</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>each racer is an object like %1</source>
        <translation>每个选手都应是形如 %1 的对象</translation>
    </message>
    <message>
        <location filename="../engine/search/Search.cpp" line="-41"/>
        <source>must differ from the search&apos;s own strategy</source>
        <translation>必须与搜索本身的策略不同</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a search varies between %1 and %2 hyperparameters</source>
        <translation>一次搜索要调 %1 到 %2 个超参数</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a search ranks its trials by validation loss: it needs a validation part</source>
        <translation>搜索按验证损失给试验排名，因此需要留出验证集</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a search trains one run per trial, not an L1-vs-L2 pair</source>
        <translation>搜索的每次试验只训练一个模型，不能是 L1 与 L2 的对比组</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>unknown hyperparameter (known: %1)</source>
        <translation>未知的超参数（可选：%1）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>is already searched by %1</source>
        <translation>已经由 %1 搜索过了</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be a finite number</source>
        <translation>必须是有限的数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>must be greater than low (%1)</source>
        <translation>必须大于下限（%1）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a log scale needs a range above 0</source>
        <translation>对数尺度要求范围大于 0</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the optimiser %1 has no momentum β (use momentum, nesterov or adam)</source>
        <translation>优化器 %1 没有动量 β（请用 momentum、nesterov 或 adam）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the experiment has no hidden layer to widen</source>
        <translation>实验里没有隐藏层，无法调整宽度</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>cannot exceed the number of trials (%1)</source>
        <translation>不能超过试验次数（%1）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>must be above 0 and below 1</source>
        <translation>必须大于 0 且小于 1</translation>
    </message>
    <message>
        <location filename="../engine/search/Space.cpp" line="+57"/>
        <location line="+18"/>
        <source>unknown hyperparameter</source>
        <translation>未知的超参数</translation>
    </message>
    <message>
        <location filename="../io/SearchIo.cpp" line="-35"/>
        <location line="+3"/>
        <source>must be &apos;%1&apos; (a search file)</source>
        <translation>必须是“%1”（搜索文件）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>is missing: the experiment every trial starts from</source>
        <translation>缺少这一项：每次试验都要从这个实验出发</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>is missing: the hyperparameters to search</source>
        <translation>缺少这一项：要搜索的超参数</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+11"/>
        <source>is missing</source>
        <translation>缺少这一项</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>each hyperparameter is an object like %1</source>
        <translation>每个超参数都是一个对象，例如 %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+8"/>
        <source>unknown strategy (known: %1)</source>
        <translation>未知的搜索策略（可选：%1）</translation>
    </message>
    <message>
        <location filename="../engine/cnn/CnnTrainer.cpp" line="-4"/>
        <source>image folders are read by the program, not by the engine alone</source>
        <translation>图像文件夹由程序读取，引擎本身不能读取</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>the data has class labels 0 to %1</source>
        <translation>数据的类别标签为 0 到 %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the classes chosen leave fewer than 2 training images</source>
        <translation>所选类别的训练图片少于 2 张</translation>
    </message>
    <message>
        <location line="+21"/>
        <location filename="../engine/nn/Architecture.cpp" line="+27"/>
        <source>the first layer must have weights (dense or a convolution)</source>
        <translation>第一层必须带权重（全连接层或卷积层）</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../engine/seq/SeqTrainer.cpp" line="+278"/>
        <source>the last layer must give one value per class (%1)</source>
        <translation>最后一层必须为每个类别输出一个值（共 %1 个）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>the network&apos;s last layer has only %1 outputs</source>
        <translation>网络最后一层只有 %1 个输出</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>the network has weighted layers 0 to %1</source>
        <translation>网络的带权重层序号为 0 到 %1</translation>
    </message>
    <message>
        <location filename="../engine/nn/ConvArithmetic.cpp" line="+13"/>
        <source>&quot;same&quot; padding needs an odd kernel size, not %1</source>
        <translation>&quot;same&quot; 填充需要奇数大小的卷积核，不能是 %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <location filename="../engine/nn/ConvTranspose2d.cpp" line="-19"/>
        <location filename="../engine/nn/Im2col.cpp" line="+14"/>
        <location filename="../engine/nn/SpatialPyramidPool.cpp" line="+3"/>
        <location filename="../engine/nn/Upsample.cpp" line="+5"/>
        <source>the layer needs an image input (channels × height × width)</source>
        <translation>这一层需要图像输入（通道 × 高 × 宽）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the kernel does not fit the %1 input (output size &lt; 1)</source>
        <translation>卷积核放不进 %1 的输入（输出尺寸 &lt; 1）</translation>
    </message>
    <message>
        <location filename="../engine/nn/ConvTranspose2d.cpp" line="+5"/>
        <source>the padding is too large for the %1 input (output size &lt; 1)</source>
        <translation>对 %1 的输入来说填充太大（输出尺寸 &lt; 1）</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>a transposed convolution takes %1 group only</source>
        <translation>转置卷积只支持 %1 个分组</translation>
    </message>
    <message>
        <location filename="../engine/nn/LocallyConnected2d.cpp" line="+3"/>
        <source>a locally connected layer takes %1 group only</source>
        <translation>局部连接层只支持 %1 个分组</translation>
    </message>
    <message>
        <location filename="../engine/nn/Pool2d.cpp" line="+18"/>
        <source>pooling takes padding %1 only</source>
        <translation>池化层只支持填充 %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>the input holds more than %1 values</source>
        <translation>输入的数值超过 %1 个</translation>
    </message>
    <message>
        <location filename="../engine/nn/Recurrent.cpp" line="+3"/>
        <location filename="../engine/nn/Upsample.cpp" line="-3"/>
        <source>must be one of %1</source>
        <translation>必须是以下之一：%1</translation>
    </message>
    <message>
        <location filename="../engine/nn/Resampling.cpp" line="+227"/>
        <source>must be down:IMAGE:PERIOD (stripes, checkerboard or zoneplate, period 2 to 16) or up:IMAGE:WEIGHTS (constant or stripes, equal or tent)</source>
        <translation>必须是 down:图像:周期（stripes、checkerboard 或 zoneplate，周期 2 到 16）或 up:图像:权重（constant 或 stripes，equal 或 tent）</translation>
    </message>
    <message>
        <location filename="../engine/data/SequenceTasks.cpp" line="+64"/>
        <source>the motif task needs at least 3 symbols: its motif is A B C</source>
        <translation>找模式任务至少需要 3 种符号：模式是 A B C</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the motif task needs at least 6 steps: each half has room for A B C</source>
        <translation>找模式任务至少需要 6 步：前后两半都要放得下 A B C</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>holds a NUL byte at offset %1: binary data, not text</source>
        <translation>在偏移 %1 处有 NUL 字节：这是二进制数据，不是文本</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>is not UTF-8 text (a bad byte sequence at offset %1)</source>
        <translation>不是 UTF-8 文本（偏移 %1 处的字节序列无效）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>is empty: there is no text to learn from</source>
        <translation>是空的：没有可学习的文本</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>has fewer than 2 different characters: nothing to predict</source>
        <translation>不同的字符少于 2 个：没有可预测的内容</translation>
    </message>
    <message>
        <location filename="../engine/seq/SeqFields.cpp" line="-87"/>
        <source>must be 0 (half the length) or at most %2</source>
        <translation>必须为 0（长度的一半）或不超过 %2</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+2"/>
        <source>must be 0 (off) or at most %2</source>
        <translation>必须为 0（关闭）或不超过 %2</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>must name a CSV file with the series</source>
        <translation>必须指定一个含序列的 CSV 文件</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>comparing cells needs a recurrent layer (rnn, lstm or gru) in the stack</source>
        <translation>比较循环单元需要层堆叠中有一个循环层（rnn、lstm 或 gru）</translation>
    </message>
    <message>
        <location filename="../engine/seq/SeqTrainer.cpp" line="-203"/>
        <source>has %1 characters: too short for windows of %2 (it needs at least %3)</source>
        <translation>只有 %1 个字符：不够切出长度为 %2 的窗口（至少需要 %3 个）</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>has %1 values: too short for windows of %2 (it needs at least %3)</source>
        <translation>只有 %1 个数值：不够切出长度为 %2 的窗口（至少需要 %3 个）</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>holds NUL bytes: binary data, not a CSV file</source>
        <translation>含有 NUL 字节：这是二进制数据，不是 CSV 文件</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>is empty: there is no series</source>
        <translation>是空的：没有序列</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>has no column &apos;%1&apos; (columns: %2)</source>
        <translation>没有名为“%1”的列（现有列：%2）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the row has %1 cells, the series is column %2</source>
        <translation>这一行只有 %1 个单元格，而序列在第 %2 列</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&apos;%1&apos; is not a finite number</source>
        <translation>“%1”不是有限的数</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>has %1 values: a series needs more</source>
        <translation>只有 %1 个数值：序列需要更多</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>the first layer must have weights (an embedding, a recurrent layer, conv1d or dense)</source>
        <translation>第一层必须带权重（嵌入层、循环层、conv1d 或全连接层）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the last layer must give %1 values (one per character) at each of the %2 steps</source>
        <translation>最后一层必须在 %2 个时间步中的每一步给出 %1 个值（每个字符一个）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the last layer must give one value (the prediction)</source>
        <translation>最后一层必须只给出一个值（预测值）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the task has no training sequences</source>
        <translation>该任务没有训练序列</translation>
    </message>
    <message>
        <location filename="../io/SeqIo.cpp" line="-73"/>
        <source>a sequence file starts with &quot;format&quot;: &quot;%1&quot;</source>
        <translation>序列文件以 &quot;format&quot;: &quot;%1&quot; 开头</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a sequence file says &quot;lab&quot;: &quot;%1&quot;</source>
        <translation>序列文件应写明 &quot;lab&quot;: &quot;%1&quot;</translation>
    </message>
    <message>
        <location filename="../engine/seq/Corpus.cpp" line="+3"/>
        <source>a NUL byte at offset %1: binary data, not UTF-8 text</source>
        <translation>偏移 %1 处有 NUL 字节：这是二进制数据，不是 UTF-8 文本</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>not UTF-8 text: byte 0x%1 at offset %2 starts no valid character</source>
        <translation>不是 UTF-8 文本：偏移 %2 处的字节 0x%1 不是有效字符的开头</translation>
    </message>
    <message>
        <location filename="../engine/seq/SkipGram.cpp" line="+53"/>
        <source>not in the vocabulary</source>
        <translation>不在词表中</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>%1 words to train on (minimum count %2); a window of %3 needs at least %4</source>
        <translation>可训练的词只有 %1 个（最少出现次数 %2）；窗口 %3 至少需要 %4 个</translation>
    </message>
    <message>
        <location filename="../engine/data/TokenTasks.cpp" line="+19"/>
        <source>unknown task (expected %1)</source>
        <translation>未知的任务（应为 %1）</translation>
    </message>
    <message>
        <location filename="../engine/seq/Attention.cpp" line="+40"/>
        <source>unknown attention (expected %1)</source>
        <translation>未知的注意力类型（应为 %1）</translation>
    </message>
    <message>
        <location filename="../engine/seq/Seq2SeqTrainer.cpp" line="+56"/>
        <source>must hold at least one digit</source>
        <translation>至少要有一个数字</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>must be a digit from 0 to %1</source>
        <translation>必须是 0 到 %1 之间的数字</translation>
    </message>
    <message>
        <location filename="../engine/cnn/Focus.cpp" line="-277"/>
        <source>a list of whole numbers was expected</source>
        <translation>应为一串整数</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>a window needs n,k,s,p,d</source>
        <translation>窗口需要 n,k,s,p,d 五个数</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a stack needs 1 to 4 dilations</source>
        <translation>堆叠需要 1 到 4 个空洞率</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>needs kernel/image, e.g. sobel_x/shapes</source>
        <translation>需要“卷积核/图像”，例如 sobel_x/shapes</translation>
    </message>
</context>
<context>
    <name>dlui::ActivationExplorer</name>
    <message>
        <location filename="../ui/plots/ActivationExplorer.cpp" line="+142"/>
        <location line="+299"/>
        <source>layer %1: %2</source>
        <translation>第 %1 层：%2</translation>
    </message>
    <message>
        <location line="-167"/>
        <source>saturated</source>
        <translation>饱和</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Derivative f′(z)</source>
        <translation>导数 f′(z)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Activation f(z)</source>
        <translation>激活函数 f(z)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>5% of peak</source>
        <translation>峰值的 5%</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Zero-centred? Mean output</source>
        <translation>以零为中心吗？平均输出</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mean output</source>
        <translation>平均输出</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>z ~ N(0, 1)</source>
        <translation>z ~ N(0, 1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>network</source>
        <translation>当前网络</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no hidden layer</source>
        <translation>无隐藏层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the mean of each hidden layer appears after the first steps (press Space to train)</source>
        <translation>训练几步后这里显示每个隐藏层的平均输出（按空格键开始训练）</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>%1: f = %2, f′ = %3%4</source>
        <translation>%1：f = %2，f′ = %3%4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> (saturated)</source>
        <translation>（饱和）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The mean output of a unit. Left: what each function averages when its input z is drawn from N(0, 1): sigmoid 0.5, tanh 0, ReLU 1/√(2π) ≈ 0.40. Right: what each hidden layer of this network outputs on average, over its last %1 mini-batches. A layer whose outputs are all positive (sigmoid, ReLU) feeds the next layer inputs of one sign, so for one example the gradients of a unit&apos;s incoming weights all share a sign and the updates zig-zag; tanh layers stay near 0.</source>
        <translation>单元的平均输出。左列：输入 z 取自 N(0, 1) 时各函数的平均输出——sigmoid 0.5，tanh 0，ReLU 1/√(2π) ≈ 0.40。右列：当前网络每个隐藏层在最近 %1 个小批量上的平均输出。输出全为正的层（sigmoid、ReLU）交给下一层的输入都同号，于是对单个样本而言，一个单元所有输入权重的梯度同号，更新只能走“之”字形；tanh 层的平均输出则停在 0 附近。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Every activation of the engine and its derivative, computed by the network&apos;s own code. Shaded: where the focused function counts as saturated, as the Saturation tab counts it (derivative below 5% of its peak; ReLU family: z ≤ 0). Tick the functions to compare in the list; click one to focus it.</source>
        <translation>引擎提供的每个激活函数及其导数，由网络自己的代码算出。阴影：焦点函数被视为饱和的区间，判定规则与“饱和度”页相同（导数低于峰值的 5%；ReLU 一族为 z ≤ 0）。在列表中勾选要比较的函数，单击其中一个设为焦点。</translation>
    </message>
    <message>
        <location line="+148"/>
        <source>sigmoid</source>
        <translation>sigmoid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tanh</source>
        <translation>tanh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>leaky ReLU (%1)</source>
        <translation>Leaky ReLU（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PReLU (%1 at first)</source>
        <translation>PReLU（初始 %1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ELU (α = %1)</source>
        <translation>ELU（α = %1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SELU</source>
        <translation>SELU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>maxout (pieces ±z)</source>
        <translation>Maxout（分段 ±z）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PReLU</source>
        <translation>PReLU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>maxout</source>
        <translation>Maxout</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>%1: peak derivative %2, mean output %3 for z ~ N(0, 1).</source>
        <translation>%1：导数峰值 %2，z ~ N(0, 1) 时平均输出 %3。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Used by this network&apos;s hidden layers (bold).</source>
        <translation>当前网络的隐藏层正在使用（粗体）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A maxout unit takes the largest of k learned linear pieces; drawn here with the example pieces z and −z, whose maximum is |z|.</source>
        <translation>Maxout 单元取 k 个学习得到的线性分段中的最大值；这里用示例分段 z 和 −z 来画，其最大值为 |z|。</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>Functions</source>
        <translation>函数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Which activation functions to draw; the one chosen last is focused (thick line, its saturated stretches shaded). Bold: used by this network.</source>
        <translation>要画哪些激活函数；最后选中的那个成为焦点（粗线，并给它的饱和区段加阴影）。粗体：本网络正在用的函数。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tick the functions to draw; click one to focus it (thick line, its saturated stretches shaded). Bold: used by this network.</source>
        <translation>勾选要画的函数；单击其中一个设为焦点（粗线，并给它的饱和区间加阴影）。粗体：当前网络使用的函数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Activation functions</source>
        <translation>激活函数</translation>
    </message>
</context>
<context>
    <name>dlui::ArchitectureView</name>
    <message>
        <location filename="../ui/labs/cnn/ArchitectureView.cpp" line="+50"/>
        <source>Convolution</source>
        <translation>卷积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>conv2d: slides small kernels over the image; every position uses the same weights.</source>
        <translation>conv2d：让小卷积核在图像上滑动；每个位置使用同一组权重。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Max pooling</source>
        <translation>最大池化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>max_pool2d: keeps the largest value of each window; no weights. Halves the size with kernel 2.</source>
        <translation>max_pool2d：保留每个窗口中的最大值；没有权重。窗口为 2 时尺寸减半。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Average pooling</source>
        <translation>平均池化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>avg_pool2d: the mean of each window; no weights.</source>
        <translation>avg_pool2d：取每个窗口的平均值；没有权重。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Global average pooling</source>
        <translation>全局平均池化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>global_avg_pool: one number per channel, the mean of the whole map; works on any image size.</source>
        <translation>global_avg_pool：每个通道一个数，即整张特征图的平均值；适用于任何图像尺寸。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Spatial pyramid pooling</source>
        <translation>空间金字塔池化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>spp: max pooling into 1×1, 2×2 and 4×4 grids: the same number of outputs for any image size.</source>
        <translation>spp：按 1×1、2×2 和 4×4 的网格做最大池化：任何图像尺寸都得到同样多的输出。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Flatten</source>
        <translation>展平</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flatten: lines the maps up as one long vector for the dense layers; nothing is learned.</source>
        <translation>flatten：把特征图排成一个长向量，供全连接层使用；不学习任何参数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batch norm</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>batch_norm2d: normalises each channel over the batch, then scales and shifts it (2 parameters per channel).</source>
        <translation>batch_norm2d：在批次上对每个通道做归一化，再缩放和平移（每个通道 2 个参数）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+730"/>
        <source>Dense</source>
        <translation>全连接</translation>
    </message>
    <message>
        <location line="-729"/>
        <source>dense: every input value connected to every output unit. The last layer gives one value per class.</source>
        <translation>dense：每个输入值都连到每个输出单元。最后一层为每个类别给出一个值。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+397"/>
        <source>Activation</source>
        <translation>激活</translation>
    </message>
    <message>
        <location line="-396"/>
        <source>activation: a non-linearity applied to every value (ReLU, tanh…); no weights, same shape.</source>
        <translation>activation：对每个值施加非线性函数（ReLU、tanh…）；没有权重，形状不变。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dropout</source>
        <translation>随机失活</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dropout: sets a random share of the values to 0 while training (the rate).</source>
        <translation>dropout（随机失活）：训练时把随机一部分值（按比例）置为 0。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Locally connected</source>
        <translation>局部连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>locally_connected2d: windows like a convolution, but every position has its own weights (no sharing).</source>
        <translation>locally_connected2d：像卷积一样使用窗口，但每个位置都有自己的权重（不共享）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Upsample</source>
        <translation>上采样</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>upsample: makes the maps twice as high and wide by repeating pixels; no weights.</source>
        <translation>upsample：通过重复像素把特征图的高和宽放大为两倍；没有权重。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transposed convolution</source>
        <translation>转置卷积</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>conv_transpose2d: learned upsampling; each input pixel stamps a kernel onto a larger output.</source>
        <translation>conv_transpose2d：可学习的上采样；每个输入像素把一个卷积核“印”到更大的输出上。</translation>
    </message>
    <message>
        <location line="+240"/>
        <source>same</source>
        <translation>same</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1 k</source>
        <translation>%1 k</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 M</source>
        <translation>%1 M</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 G</source>
        <translation>%1 G</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What the layer does. Double-click to choose another kind.</source>
        <translation>这一层做什么。双击可换成另一种层。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Units</source>
        <translation>单元数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output channels of a convolution (how many different kernels it learns), or units of a dense layer.</source>
        <translation>卷积层的输出通道数（它学习多少个不同的卷积核），或全连接层的单元数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Side of the square window the layer looks at, in pixels of its input.</source>
        <translation>这一层观察的方形窗口的边长，以其输入的像素计。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stride</source>
        <translation>步幅</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How far the window moves each step. Stride 2 halves the height and width (pooling moves by its kernel size unless told otherwise).</source>
        <translation>窗口每一步移动多远。步幅 2 使高和宽减半（池化层如未另行设定，按其窗口大小移动）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Padding</source>
        <translation>填充</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zeros added around the input. &quot;same&quot; adds just enough to keep the size at stride 1.</source>
        <translation>在输入四周补的零。&quot;same&quot; 补得刚好够在步幅 1 时保持大小不变。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dilation</source>
        <translation>膨胀</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spacing between the kernel&apos;s taps: a 3×3 kernel with dilation 2 covers 5×5 with 9 weights.</source>
        <translation>卷积核各抽头之间的间距：膨胀为 2 的 3×3 卷积核用 9 个权重覆盖 5×5 的范围。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Groups</source>
        <translation>分组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Splits the channels into groups that do not see each other; groups = input channels is a depthwise convolution.</source>
        <translation>把通道分成互不可见的几组；分组数等于输入通道数时就是深度卷积（depthwise）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The non-linear function an activation layer applies to every value.</source>
        <translation>激活层对每个值施加的非线性函数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rate</source>
        <translation>比例</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share of the values dropout sets to 0 while training.</source>
        <translation>训练时随机失活置为 0 的值所占的比例。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shape of the layer&apos;s output for one image: channels × height × width, or one number for a flat vector.</source>
        <translation>一张图像在这一层输出的形状：通道 × 高 × 宽；展平后的向量只写一个数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Numbers this layer learns (weights and biases). Pooling, activations and flatten learn none.</source>
        <translation>这一层要学习的数（权重和偏置）。池化、激活和展平层不学习任何参数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+43"/>
        <source>Receptive field</source>
        <translation>感受野</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>How large a square of the input image one output value depends on. It grows with every kernel and faster after each stride; it can be larger than the image (the rest is padding). &quot;all&quot;: the layer sees the whole image.</source>
        <translation>一个输出值依赖于输入图像中多大的方块。每经过一个卷积核它就变大，每次跨步之后增长得更快；它可以比图像还大（多出的部分是填充）。“全图”表示这一层看到整张图像。</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+42"/>
        <source>FLOPs</source>
        <translation>浮点运算</translation>
    </message>
    <message>
        <location line="-41"/>
        <source>Floating-point operations for one image: 2 per multiply-add with a weight (k = thousand, M = million). Pooling and activations are counted as 0: they are cheap next to the products.</source>
        <translation>处理一张图像的浮点运算次数：与权重的每次乘加算 2 次（k = 千，M = 百万）。池化和激活记为 0：与乘法相比它们的开销很小。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Position in the stack, counted from 0 as in the error messages (layers[0] is the first layer).</source>
        <translation>在层堆叠中的位置，和错误信息一样从 0 开始计数（layers[0] 是第一层）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Double-click a setting to change it. Red: the layer does not fit what comes into it.</source>
        <translation>双击某个设置即可修改。红色：这一层与输入它的数据不匹配。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add layer</source>
        <translation>添加层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adds a layer after the selected one (at the end when none is selected).</source>
        <translation>在选中的层之后添加一层（未选中时加在末尾）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removes the selected layer.</source>
        <translation>删除选中的层。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moves the selected layer one place earlier in the stack.</source>
        <translation>把选中的层在堆叠中往前移一位。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Moves the selected layer one place later in the stack.</source>
        <translation>把选中的层在堆叠中往后移一位。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The whole stack: what it learns and what one image costs to run through it.</source>
        <translation>整个堆叠：它要学习多少参数，一张图像通过它要花多少运算。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comparisons</source>
        <translation>对比</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Classic design choices, computed on concrete layers with the same formulas as the table above.</source>
        <translation>经典的设计选择，用与上表相同的公式在具体的层上计算。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Three 3×3 vs one 7×7</source>
        <translation>三个 3×3 对一个 7×7</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two 3×3 vs one 5×5</source>
        <translation>两个 3×3 对一个 5×5</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1×1 bottleneck vs direct 3×3</source>
        <translation>1×1 瓶颈对直接 3×3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conv vs locally connected vs dense</source>
        <translation>卷积、局部连接与全连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose which two designs to compare.</source>
        <translation>选择要对比的设计。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Channels C:</source>
        <translation>通道数 C：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The number of channels C in and out of the convolutions compared; their weights grow as C².</source>
        <translation>参与对比的卷积的输入和输出通道数 C；它们的权重数按 C² 增长。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Design</source>
        <translation>设计</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The layers compared, on the input named below the table.</source>
        <translation>参与对比的层，输入见表格下方。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How large a square of the input one output value depends on.</source>
        <translation>一个输出值依赖于输入中多大的方块。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Numbers learned (no biases, as in the usual statement of the claim).</source>
        <translation>要学习的数（不含偏置，与这一结论通常的说法一致）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weights in C²</source>
        <translation>以 C² 计的权重</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The same count as a multiple of C²: it holds for any C.</source>
        <translation>同一个数写成 C² 的倍数：对任何 C 都成立。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Floating-point operations for one input: 2 per multiply-add.</source>
        <translation>处理一个输入的浮点运算次数：每次乘加算 2 次。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What the comparison shows.</source>
        <translation>这组对比说明了什么。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Input: %1 images (channels × height × width)</source>
        <translation>输入：%1 的图像（通道 × 高 × 宽）</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Not computed: a layer above does not fit.</source>
        <translation>未计算：上面有一层不匹配。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>does not fit</source>
        <translation>不匹配</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+200"/>
        <source>%1×%2 (all)</source>
        <translation>%1×%2（全图）</translation>
    </message>
    <message>
        <location line="-198"/>
        <source>One output value of this layer depends on a %1×%2 square of input pixels.</source>
        <translation>这一层的一个输出值依赖于输入中 %1×%2 的像素方块。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 multiply-adds per image</source>
        <translation>每张图像 %1 次乘加</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Total: %1 parameters, %2 FLOPs per image, output %3.</source>
        <translation>合计：%1 个参数，每张图像 %2 次浮点运算，输出 %3。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Up to layer %1: %2 parameters, %3 FLOPs per image.</source>
        <translation>到第 %1 层为止：%2 个参数，每张图像 %3 次浮点运算。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Layer %1 does not fit: %2</source>
        <translation>第 %1 层不匹配：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The stack is not complete: %1</source>
        <translation>层堆叠不完整：%1</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>Three 3×3 convolutions</source>
        <translation>三个 3×3 卷积</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>One 7×7 convolution</source>
        <translation>一个 7×7 卷积</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Three 3×3 layers see 7×7 like one 7×7 layer, with 27C² = %1 weights instead of 49C² = %2 (C = %3), and two more non-linearities.</source>
        <translation>三个 3×3 层和一个 7×7 层一样看到 7×7 的范围，却只用 27C² = %1 个权重，而不是 49C² = %2 个（C = %3），还多了两个非线性。</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Two 3×3 convolutions</source>
        <translation>两个 3×3 卷积</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>One 5×5 convolution</source>
        <translation>一个 5×5 卷积</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Two 3×3 layers see 5×5 like one 5×5 layer, with 18C² = %1 weights instead of 25C² = %2 (C = %3), and one more non-linearity.</source>
        <translation>两个 3×3 层和一个 5×5 层一样看到 5×5 的范围，却只用 18C² = %1 个权重，而不是 25C² = %2 个（C = %3），还多了一个非线性。</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>1×1 to C, then 3×3</source>
        <translation>先 1×1 降到 C，再 3×3</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>3×3 straight from 4C</source>
        <translation>直接从 4C 做 3×3</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>A 1×1 layer first reduces the %1 channels to %2; with the 3×3 after it, the pair costs %3 + %4 = %5 weights instead of %6 for a 3×3 straight from %1 channels: %7 times fewer, for the same 3×3 view.</source>
        <translation>先用 1×1 层把 %1 个通道降到 %2 个，再接 3×3 层，两层合计 %3 + %4 = %5 个权重；直接从 %1 个通道做 3×3 则需要 %6 个。前者的权重只有后者的 1/%7，看到的仍是同样的 3×3 范围。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Input: %1 (4C channels).</source>
        <translation>输入：%1（4C 个通道）。</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>Convolution 3×3</source>
        <translation>3×3 卷积</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Locally connected 3×3</source>
        <translation>3×3 局部连接</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Same input (%1) and output (%2): a convolution shares one set of 3×3 kernels over all %3 positions, %4 weights; a locally connected layer has its own at each position, %5; a dense layer joins every input value to every output value, %6 weights.</source>
        <translation>输入（%1）和输出（%2）都相同：卷积在全部 %3 个位置共用一组 3×3 卷积核，%4 个权重；局部连接层在每个位置各有一组，%5 个；全连接层把每个输入值连到每个输出值，%6 个权重。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Input: %1, output %2 values.</source>
        <translation>输入：%1，输出 %2 个值。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Input: %1 (C channels, &quot;same&quot; padding, no biases).</source>
        <translation>输入：%1（C 个通道，&quot;same&quot; 填充，无偏置）。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1C²</source>
        <translation>%1C²</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 multiply-adds</source>
        <translation>%1 次乘加</translation>
    </message>
</context>
<context>
    <name>dlui::ChartPanel</name>
    <message>
        <location filename="../ui/plots/ChartPanel.cpp" line="+186"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gradient norms</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gradients</source>
        <comment>short tab name of Gradient norms</comment>
        <translation>梯度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saturation</source>
        <translation>饱和度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L1 vs L2</source>
        <translation>L1 对比 L2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Act.</source>
        <comment>short tab name of Activations</comment>
        <translation>激活</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>Training loss: the mini-batch of each step. Training accuracy: all training points, without dropout, measured at each validation evaluation, like the validation curves.</source>
        <translation>训练集损失：每一步所用小批量上的损失。训练集准确率：在全部训练点上、不使用随机失活、于每次验证评估时测得，与验证曲线相同。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sparsity and weight histograms of the L1 and L2 runs</source>
        <translation>L1 组与 L2 组训练的稀疏度和权重直方图</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>LR</source>
        <comment>short tab name of Learning rate</comment>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metrics</source>
        <translation>指标</translation>
    </message>
    <message>
        <location line="-78"/>
        <source>Confusion matrix, precision, recall, F1, Cohen&apos;s κ and ROC on the validation part</source>
        <translation>验证集上的混淆矩阵、精确率、召回率、F1、Cohen κ 和 ROC 曲线</translation>
    </message>
    <message>
        <location line="+79"/>
        <source>Activations</source>
        <translation>激活函数</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>Every activation function and its derivative, where each saturates, and whether its output is zero-centred: the mean output of each hidden layer, live</source>
        <translation>每个激活函数及其导数、各自在哪里饱和、输出是否以零为中心：实时显示每个隐藏层的平均输出</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+10"/>
        <source>Smoothing</source>
        <translation>平滑</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Smooths the per-step curves (training loss, gradient norms, saturation) with an exponential moving average, as TensorBoard does: 0 draws the raw values, 0.9 averages over about the last 10 steps, 0.99 over about the last 100. The raw curve stays faint behind the smoothed one. Validation curves are evaluations of the whole validation set and are drawn as measured.</source>
        <translation>用指数移动平均平滑逐步曲线（训练集损失、梯度范数、饱和度），与 TensorBoard 的做法相同：0 画出原始值，0.9 大约对最近 10 步取平均，0.99 大约对最近 100 步取平均。原始曲线以淡色留在平滑曲线后面。验证曲线是对整个验证集的评估，按实测值绘制。</translation>
    </message>
</context>
<context>
    <name>dlui::ClassroomDock</name>
    <message>
        <location filename="../ui/labs/playground/ClassroomDock.cpp" line="+36"/>
        <source>↻ Changing this starts again with new weights.</source>
        <translation>↻ 修改此项会以新的权重重新开始训练。</translation>
    </message>
    <message>
        <location line="+238"/>
        <location line="+20"/>
        <location line="+6"/>
        <source>mixed</source>
        <translation>各层不同</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no hidden layer</source>
        <translation>无隐藏层</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Classroom controls</source>
        <translation>课堂控件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data set ↻</source>
        <translation>数据集 ↻</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The data to learn.</source>
        <translation>要学习的数据。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Step size of each update (logarithmic scale). Too small: slow; too large: the loss oscillates or diverges. Applies at once.</source>
        <translation>每次更新的步长（对数刻度）。太小：学得慢；太大：损失振荡或发散。立即生效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Activation ↻</source>
        <translation>激活函数 ↻</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The activation function of every hidden layer.</source>
        <translation>所有隐藏层的激活函数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hidden layers ↻</source>
        <translation>隐藏层 ↻</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the last hidden layer.</source>
        <translation>移除最后一个隐藏层。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a hidden layer (a copy of the last one).</source>
        <translation>添加一个隐藏层（复制最后一层）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Neurons per layer ↻</source>
        <translation>每层神经元 ↻</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One neuron fewer in every hidden layer.</source>
        <translation>每个隐藏层减少一个神经元。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One neuron more in every hidden layer.</source>
        <translation>每个隐藏层增加一个神经元。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regularisation</source>
        <translation>正则化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L1 + L2</source>
        <translation>L1 + L2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L1 vs L2 ↻</source>
        <translation>L1 对比 L2 ↻</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A weight penalty and its strength, below. L1 drives weights to exactly zero; L2 keeps them all small; “L1 vs L2” trains two networks side by side (↻). Applies at once.</source>
        <translation>权重惩罚项，强度在下方设置。L1 把权重压到恰好为零；L2 让所有权重都保持较小；“L1 对比 L2”并排训练两个网络（↻）。立即生效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Strength λ of the penalty (logarithmic scale).</source>
        <translation>惩罚项的强度 λ（对数刻度）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropout</source>
        <translation>随机失活</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The share of hidden units switched off at random in each training step, in every hidden layer (0: none). Evaluation uses the whole network. Applies at once.</source>
        <translation>每个训练步随机关闭的隐藏单元比例，作用于每个隐藏层（0 表示不用）。评估时使用完整的网络。立即生效。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Decision map</source>
        <translation>决策图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation points</source>
        <translation>验证集数据点</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also draw the validation points (black outline): data the network never trains on.</source>
        <translation>同时绘制验证集数据点（黑色描边）：网络从不在这些数据上训练。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discretise</source>
        <translation>离散化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour each region by the most likely class only.</source>
        <translation>每个区域只按可能性最大的类别着色。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All controls</source>
        <translation>全部控件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All controls (%1)</source>
        <translation>全部控件（%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show every setting of the experiment in the controls dock.</source>
        <translation>在控制面板中显示实验的全部设置。</translation>
    </message>
</context>
<context>
    <name>dlui::CnnLab</name>
    <message>
        <location filename="../ui/labs/cnn/CnnLab.cpp" line="+526"/>
        <source>The network changed: training starts again with new weights.</source>
        <translation>网络已改变：用新的权重重新开始训练。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Train a CNN</source>
        <translation>训练卷积网络</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Convolution arithmetic</source>
        <translation>卷积的尺寸计算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kernel editor</source>
        <translation>卷积核编辑器</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Architecture</source>
        <translation>网络结构</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Filters and feature maps</source>
        <translation>滤波器与特征图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confusion and mistakes</source>
        <translation>混淆矩阵与错例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draw a digit</source>
        <translation>手写一个数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shift and pooling</source>
        <translation>平移与池化</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>8×8 digits</source>
        <translation>8×8 数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your images (a folder)…</source>
        <translation>你自己的图像（文件夹）…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shapes</source>
        <translation>图形</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Test moved (x, y)</source>
        <translation>测试图平移 (x, y)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also measure the test accuracy on the test images moved by this many pixels (x right, y down): how translation-invariant the network is.</source>
        <translation>同时测量测试图片平移这么多像素后（x 向右，y 向下）的准确率：网络对平移有多不敏感。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Also test mirrored</source>
        <translation>同时测试镜像图</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also measure the accuracy on the test images mirrored left–right.</source>
        <translation>同时测量测试图片左右镜像后的准确率。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shuffle the pixels</source>
        <translation>打乱像素</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move every pixel of every image by one fixed permutation: the same information, but neighbouring pixels are no longer neighbours.</source>
        <translation>用同一个固定排列移动每张图片的每个像素：信息不变，但相邻的像素不再相邻。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adam&apos;s step size. Changing it restarts both runs.</source>
        <translation>Adam 的步长。改变它会让两次训练都重新开始。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images per mini-batch step.</source>
        <translation>每个小批量步使用的图片数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pause at step</source>
        <translation>暂停于第几步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training pauses here, where the preset&apos;s claim is measured; ▶ goes on past it.</source>
        <translation>训练在这里暂停，预设的结论就在此时测量；按 ▶ 可继续训练。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Augmentation (training images)</source>
        <translation>数据增强（训练图片）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random shift (px)</source>
        <translation>随机平移（像素）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each training image moved by a random number of pixels up to this, each way.</source>
        <translation>每张训练图片在每个方向上随机平移，最多这么多像素。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random rotation</source>
        <translation>随机旋转</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each training image turned by a random angle up to this, either way.</source>
        <translation>每张训练图片随机旋转一个角度，顺逆时针最多这么多。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mirror probability</source>
        <translation>镜像概率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The chance that a training image is mirrored left–right. Not label-preserving for digits: a mirrored 2 is not a 2.</source>
        <translation>训练图片被左右镜像的概率。对数字来说镜像会改变标签：镜像后的 2 不再是 2。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The standard deviation of Gaussian noise added to every pixel (pixels are 0–1).</source>
        <translation>加到每个像素上的高斯噪声的标准差（像素取值 0–1）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transfer learning</source>
        <translation>迁移学习</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Task classes</source>
        <translation>任务类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The classes this network learns (the buttons down; none down: every class), renumbered from 0. The last layer gets one output for each. The run it is compared with learns the same task.</source>
        <translation>本网络要学的类别（按下的按钮；一个都不按：所有类别），从 0 起重新编号。最后一层为每个类别各给一个输出。与它对比的那次运行学同一个任务。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Images per class</source>
        <translation>每类图像数</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+13"/>
        <source>all</source>
        <translation>全部</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>At most this many training images of each task class: a few-shot task. Validation and test keep all of theirs.</source>
        <translation>每个任务类别最多用这么多张训练图像，即少样本任务。验证集和测试集保留各自的全部图像。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pretrain first (steps)</source>
        <translation>先预训练（步数）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no</source>
        <translation>不预训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This network (not the run it is compared with) first trains this many steps on the pretraining classes; then the task starts, with the layers as chosen below. The steps count towards &quot;Pause at step&quot;.</source>
        <translation>本网络（不包括与它对比的那次运行）先在预训练类别上训练这么多步，然后按下面的选择处理各层，开始任务。这些步数计入“暂停于第几步”。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pretrain on</source>
        <translation>预训练类别</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The classes the pretraining learns, e.g. the digits 0–4 before a task on 5–9. At most as many as the task has, since they share the last layer.</source>
        <translation>预训练要学的类别，例如先学数字 0–4，任务再学 5–9。类别数不能多于任务的类别数，因为两者共用最后一层。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Their images per class</source>
        <translation>预训练每类图像数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At most this many training images of each pretraining class.</source>
        <translation>每个预训练类别最多用这么多张训练图像。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restart with this task</source>
        <translation>按此任务重新开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starts both runs again with the classes, images and pretraining chosen above.</source>
        <translation>用上面选定的类别、图像数和预训练设置，重新开始两次运行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Then</source>
        <translation>然后</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the pretrained layers do when the task starts: keep their features frozen under a new last layer (feature extraction), go on learning under a new last layer (fine-tuning), or simply go on.</source>
        <translation>任务开始时预训练过的层怎么办：换上新的最后一层，其余层冻结、保留学到的特征（特征提取）；换上新的最后一层，所有层继续学习（微调）；或者什么都不换，照常训练下去。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>new last layer, the rest frozen</source>
        <translation>新最后一层，其余冻结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new last layer, all fine-tuned</source>
        <translation>新最后一层，全部微调</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>every layer goes on learning</source>
        <translation>所有层照常继续学习</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+230"/>
        <source>as the file says</source>
        <translation>按文件中的设置</translation>
    </message>
    <message>
        <location line="-228"/>
        <source>Layers with weights</source>
        <translation>带权重的层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layer</source>
        <translation>层</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Frozen</source>
        <translation>冻结</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A frozen layer keeps its weights while the others learn (fine-tuning); &quot;New weights&quot; starts one layer again from random weights.</source>
        <translation>冻结的层保持权重不变，其余层继续学习（微调）；“新权重”让某一层从随机权重重新开始。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Test image</source>
        <translation>测试图片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which test image the feature maps show (or click a mistake).</source>
        <translation>特征图显示哪张测试图片（也可以点击一个错例）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the test image</source>
        <translation>复制测试图片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Put the selected test image on the canvas, to change it by hand.</source>
        <translation>把选中的测试图片放到画布上，可以再用手修改。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open image…</source>
        <translation>打开图像…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A photo or scan of a digit (or any picture) onto the canvas; you can also drop an image file on it. Dark ink on white paper is inverted to match the data.</source>
        <translation>把一张数字的照片或扫描图（或任何图片）放到画布上；也可以把图像文件直接拖到画布上。白纸黑字会被反相，以与数据一致。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the network says about your drawing (it is shrunk to the images&apos; size, as the digits were scanned):</source>
        <translation>网络对你画的图怎么判断（画好的图会缩小到数据图片的大小，与扫描数字时一样）：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the test image (x, y)</source>
        <translation>平移测试图片 (x, y)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pixels to the right</source>
        <translation>向右的像素数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pixels down</source>
        <translation>向下的像素数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No network yet.</source>
        <translation>还没有网络。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The first layer has no filters to draw.</source>
        <translation>第一层没有可画的滤波器。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No mistakes on the test images.</source>
        <translation>测试图片上没有错误。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+723"/>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location line="-725"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation accuracy</source>
        <translation>验证集准确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gradient norm</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colours as on the score board. Loss: solid line training (per step), dashed validation.</source>
        <translation>颜色与计分板一致。损失：实线为训练（每步），虚线为验证。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colours as on the score board. Loss: solid line training (per step), dashed validation; right: the gradient norm of each layer with weights (log scale).</source>
        <translation>颜色与计分板一致。损失：实线为训练（每步），虚线为验证；右图：每个带权重的层的梯度范数（对数坐标）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Until step %1 a pretraining run learns its pretraining classes and is validated on them; after it, its curves are the task&apos;s (a new head starts from chance).</source>
        <translation>第 %1 步之前，带预训练的运行学习预训练类别，并在这些类别上验证；之后的曲线属于新任务（新输出层从随机猜测水平开始）。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Validation accuracy</source>
        <translation>验证集准确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gradient norm per layer</source>
        <translation>各层梯度范数</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>new weights for layer(s) %1</source>
        <translation>第 %1 层换上新权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>layer(s) %1 frozen</source>
        <translation>冻结第 %1 层</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>every layer keeps learning</source>
        <translation>所有层继续学习</translation>
    </message>
    <message>
        <location line="-138"/>
        <location line="+13"/>
        <location line="+126"/>
        <source>every class</source>
        <translation>所有类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>classes %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 training images each</source>
        <translation>每类 %1 张训练图片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>all their training images</source>
        <translation>它们的全部训练图片</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps 1–%1: pretraining on classes %2 (the validation curve is on those classes). Then %3, and the task: %4, %5.</source>
        <translation>第 1–%1 步：在类别 %2 上预训练（验证曲线也是在这些类别上）。之后%3，再训练任务：%4，%5。</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>A folder of images with one sub-folder per class</source>
        <translation>一个图像文件夹，每个类别一个子文件夹</translation>
    </message>
    <message>
        <location line="+134"/>
        <source>Fashion-MNIST is not installed (%1). Showing the digits instead; install it with: apt-get install dataset-fashion-mnist</source>
        <translation>未安装 Fashion-MNIST（%1）。现改用手写数字；安装方法：apt-get install dataset-fashion-mnist</translation>
    </message>
    <message>
        <location line="-348"/>
        <source>%1 · training</source>
        <translation>%1 · 训练</translation>
    </message>
    <message>
        <location line="-234"/>
        <source>Open an image for the canvas</source>
        <translation>为画布打开一张图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif);;All files (*)</source>
        <translation>图像 (*.png *.jpg *.jpeg *.bmp *.gif);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+98"/>
        <source>Resampling</source>
        <translation>重采样</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The 8×8 handwritten digits (1,797, bundled), Fashion-MNIST (70,000 clothes photos of 28×28, Debian&apos;s dataset-fashion-mnist), generated shapes, or your own images: a folder with one sub-folder per class (PNG or JPEG), scaled to the size the network takes.</source>
        <translation>8×8 手写数字（1,797 张，随程序提供）、Fashion-MNIST（70,000 张 28×28 的服装照片，来自 Debian 的 dataset-fashion-mnist）、生成的形状，或你自己的图像：一个文件夹，每个类别一个子文件夹（PNG 或 JPEG），缩放到网络所需的尺寸。</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>%1 · validation</source>
        <translation>%1 · 验证</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>This network</source>
        <translation>本网络</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Compared with</source>
        <translation>对照网络</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>moved %1, %2 px</source>
        <translation>平移 %1, %2 像素</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mirrored</source>
        <translation>镜像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test, %1</source>
        <translation>测试集，%1</translation>
    </message>
    <message numerus="yes">
        <location line="+38"/>
        <source>%n parameter(s)</source>
        <translation>
            <numerusform>%n 个参数</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New weights</source>
        <translation>新权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give this layer new random weights; the other layers keep what they learned.</source>
        <translation>给这一层新的随机权重；其余层保留已学到的。</translation>
    </message>
    <message>
        <location line="+267"/>
        <source>Loading Fashion-MNIST: 70,000 images of 28×28…</source>
        <translation>正在载入 Fashion-MNIST：70,000 张 28×28 的图像…</translation>
    </message>
    <message>
        <location line="+83"/>
        <source>layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <location line="+212"/>
        <source>Paused at step %1, where the preset&apos;s claim is measured.</source>
        <translation>已在第 %1 步暂停，预设的结论在此测量。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of the test images (never trained on) classified right.</source>
        <translation>测试图片（从未用于训练）中分类正确的比例。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same test images moved or mirrored as the settings say.</source>
        <translation>按设置平移或镜像后的同一批测试图片。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Now pretraining.</source>
        <translation>正在预训练。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>diverged: %1</source>
        <translation>已发散：%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 (pretraining)</source>
        <translation>%1（预训练）</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Layer %1 is frozen: its weights stay as they are.</source>
        <translation>第 %1 层已冻结：权重保持不变。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layer %1 learns again.</source>
        <translation>第 %1 层重新开始学习。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Layer %1 has new random weights.</source>
        <translation>第 %1 层换上了新的随机权重。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Filters of the first layer: %1 kernels of %2 × %3 × %4 (blue positive, orange negative)</source>
        <translation>第一层的滤波器：%1 个 %2 × %3 × %4 的卷积核（蓝为正，橙为负）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Weights of the first layer: each of %1 units as a %2 × %3 image</source>
        <translation>第一层的权重：%1 个单元，每个画成 %2 × %3 的图</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Test image %1 (class %2)</source>
        <translation>测试图片 %1（类别 %2）</translation>
    </message>
    <message>
        <location line="+28"/>
        <source> (first %1 of %2 maps)</source>
        <translation>（%2 张特征图中的前 %1 张）</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>The test image moved by %1, %2</source>
        <translation>平移 %1, %2 后的测试图片</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>after pooling · %1</source>
        <translation>池化之后 · %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>first convolution · %1</source>
        <translation>第一个卷积 · %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1: the first convolution&apos;s maps change by %2, after pooling by %3.</source>
        <translation>%1：第一个卷积的特征图变化 %2，池化之后变化 %3。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: no convolution to compare (a dense network sees every pixel on its own).</source>
        <translation>%1：没有卷积可比较（全连接网络把每个像素单独看待）。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 of %2 test images wrong at step %3; the most confident mistakes first (true → predicted, probability). Click one to see its feature maps.</source>
        <translation>第 %3 步时 %2 张测试图片中错了 %1 张；最有把握的错误排在前面（真实 → 预测，概率）。点击一张可看它的特征图。</translation>
    </message>
</context>
<context>
    <name>dlui::ConfusionGrid</name>
    <message>
        <location filename="../ui/labs/cnn/ImageViews.cpp" line="+238"/>
        <source>predicted class →</source>
        <translation>预测类别 →</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>true class →</source>
        <translation>真实类别 →</translation>
    </message>
</context>
<context>
    <name>dlui::ControlDock</name>
    <message>
        <location filename="../ui/labs/playground/ControlDock.cpp" line="+46"/>
        <source>No hidden layer</source>
        <translation>无隐藏层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 hidden layer</source>
        <translation>1 个隐藏层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 hidden layers</source>
        <translation>%1 个隐藏层</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>↻ Changing this starts again with new weights.</source>
        <translation>↻ 修改此项会以新的权重重新开始训练。</translation>
    </message>
    <message>
        <location line="+432"/>
        <location line="+426"/>
        <source>No file loaded</source>
        <translation>未加载文件</translation>
    </message>
    <message>
        <location line="-183"/>
        <source>Load CSV data</source>
        <translation>加载 CSV 数据</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv *.tsv *.txt *.gz);;All files (*)</source>
        <translation>CSV 文件 (*.csv *.tsv *.txt *.gz);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove a neuron from this layer. ↻ New weights.</source>
        <translation>从此层移除一个神经元。↻ 权重将重新初始化。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a neuron to this layer. ↻ New weights.</source>
        <translation>向此层添加一个神经元。↻ 权重将重新初始化。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Neurons in this layer. ↻ New weights.</source>
        <translation>此层的神经元数量。↻ 权重将重新初始化。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>neurons</source>
        <translation>个神经元</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Activation function of this layer: the non-linearity applied to each neuron&apos;s weighted sum. ↻ New weights.</source>
        <translation>此层的激活函数：作用于每个神经元加权和的非线性变换。↻ 权重将重新初始化。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>BN</source>
        <translation>BN</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batch normalisation: standardise each neuron&apos;s input over the mini-batch, then scale and shift (Ioffe &amp; Szegedy 2015). ↻ New weights.</source>
        <translation>批归一化（BN）：在小批量上对每个神经元的输入做标准化，再进行缩放和平移（Ioffe &amp; Szegedy 2015）。↻ 权重将重新初始化。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>drop</source>
        <translation>失活率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dropout rate: the fraction of this layer&apos;s neurons switched off at random in each training step (Srivastava et al. 2014). Applies at once.</source>
        <translation>随机失活（Dropout）率：每个训练步中此层被随机关闭的神经元所占比例（Srivastava et al. 2014）。立即生效。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Controls</source>
        <translation>控制面板</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data ↻</source>
        <translation>数据 ↻</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The data set, its split and preparation.</source>
        <translation>数据集及其划分和预处理。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network ↻</source>
        <translation>网络 ↻</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hidden layers, neurons, activations and the weight initialisation.</source>
        <translation>隐藏层、神经元、激活函数和权重初始化。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optimiser, learning rate, schedule and batch size: they apply at once, keeping the weights.</source>
        <translation>优化器、学习率、学习率调度和批大小：修改后立即生效，并保留当前权重。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regularisation</source>
        <translation>正则化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight penalties and gradient clipping: they apply at once, keeping the weights.</source>
        <translation>权重惩罚和梯度裁剪：修改后立即生效，并保留当前权重。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data set</source>
        <translation>数据集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The data to learn: a generated 2-D shape (classification or regression) or a CSV file.</source>
        <translation>要学习的数据：生成的二维图形（分类或回归）或 CSV 文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load CSV…</source>
        <translation>加载 CSV…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a CSV file: numeric feature columns and one label column.</source>
        <translation>打开 CSV 文件：包含若干数值特征列和一个标签列。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>last</source>
        <translation>末列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label column</source>
        <translation>标签列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which column of the CSV file holds the label (0 = first; &quot;last&quot; = the last column).</source>
        <translation>CSV 文件中哪一列是标签（0 = 第一列；“末列” = 最后一列）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Real-valued target</source>
        <translation>实数值目标</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Treat the label column as a number to predict (regression) rather than a class.</source>
        <translation>将标签列视为要预测的数值（回归），而不是类别。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Points</source>
        <translation>样本点数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>How many samples to generate.</source>
        <translation>要生成的样本数量。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Noise</source>
        <translation>噪声</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How much random noise blurs the shape (0 = clean data).</source>
        <translation>随机噪声使图形变模糊的程度（0 = 无噪声的干净数据）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Classes</source>
        <translation>类别数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of blobs or spiral arms, one class each.</source>
        <translation>高斯簇或螺旋臂的数量，每个对应一个类别。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Class ratio</source>
        <translation>类别比例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size of the smallest class relative to the largest (1 = balanced, 0.05 = one rare class).</source>
        <translation>最小类别相对于最大类别的样本量之比（1 = 均衡，0.05 = 有一个稀有类别）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of the data held out to measure generalisation; the network never trains on it.</source>
        <translation>留出用于衡量泛化能力的数据比例；网络从不在这部分数据上训练。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Resampling</source>
        <translation>重采样</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rebalance the training part: duplicate minority samples, drop majority samples, or synthesise new minority samples between neighbours (SMOTE).</source>
        <translation>重新平衡训练部分的类别：复制少数类样本、丢弃多数类样本，或在近邻之间合成新的少数类样本（SMOTE）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Standardise inputs</source>
        <translation>标准化输入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the network is fed, computed from the point&apos;s coordinates x₁ and x₂: with x₁² and x₂² even a network without hidden layers separates a circle.</source>
        <translation>网络的输入，由数据点的坐标 x₁ 和 x₂ 计算得出：有了 x₁² 和 x₂²，即使没有隐藏层的网络也能把圆形分开。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Shift and scale every input to mean 0 and standard deviation 1 (fitted on the training part).</source>
        <translation>将每个输入平移并缩放到均值为 0、标准差为 1（均值和标准差由训练部分计算）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PCA-whiten inputs</source>
        <translation>PCA 白化输入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotate the inputs onto their principal axes and scale each to variance 1, which also removes their correlation (fitted on the training part).</source>
        <translation>把输入旋转到它们的主轴上，再把每个主方向缩放到方差 1，这样也去掉了它们之间的相关性（只在训练部分上拟合）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Test</source>
        <translation>测试集</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share of the data held out as a test set: scored beside validation, never used to choose anything (0 = no test set).</source>
        <translation>留作测试集的数据比例：与验证集一同评分，但从不用来做任何选择（0 = 不设测试集）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Balanced class weights</source>
        <translation>均衡类别权重</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weight each class&apos;s loss by the inverse of its size, so rare classes count as much as common ones.</source>
        <translation>按各类别样本数的倒数为其损失加权，使稀有类别与常见类别同等重要。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data seed</source>
        <translation>数据种子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random seed of the generated data: the same seed gives the same points.</source>
        <translation>生成数据所用的随机种子：相同的种子生成相同的数据点。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the last hidden layer.</source>
        <translation>移除最后一个隐藏层。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a hidden layer (a copy of the last one).</source>
        <translation>添加一个隐藏层（复制最后一层）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Initialiser</source>
        <translation>初始化方法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the weights start. Xavier (Glorot &amp; Bengio 2010) suits tanh and sigmoid, He (He et al. 2015) suits ReLU; zeros leaves every neuron identical.</source>
        <translation>权重的初始取值方式。Xavier（Glorot &amp; Bengio 2010）适合 tanh 和 sigmoid，He（He et al. 2015）适合 ReLU；全零初始化会使每个神经元完全相同。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>σ</source>
        <translation>σ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Standard deviation of the normal distribution the weights are drawn from.</source>
        <translation>权重采样所用正态分布的标准差。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limit</source>
        <translation>界限</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weights are drawn uniformly from [−limit, +limit].</source>
        <translation>权重从 [−界限, +界限] 中均匀采样。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>取值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Every weight starts at this value.</source>
        <translation>所有权重的初始值都等于此值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gain</source>
        <translation>增益</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale of the orthogonal matrix (Saxe et al. 2014).</source>
        <translation>正交矩阵的缩放系数（Saxe et al. 2014）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The rule that turns gradients into weight updates. Applies at once.</source>
        <translation>把梯度转化为权重更新的规则。立即生效。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step size of each update (logarithmic scale). Too small: slow; too large: the loss oscillates or diverges.</source>
        <translation>每次更新的步长（对数刻度）。太小：训练缓慢；太大：损失振荡或发散。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fraction of the previous update carried into the next one (0.9 is typical).</source>
        <translation>上一次更新延续到下一次更新中的比例（典型值为 0.9）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>β1</source>
        <translation>β1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Adam: decay rate of the running mean of the gradients.</source>
        <translation>Adam：梯度滑动平均的衰减率。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>β2</source>
        <translation>β2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Adam: decay rate of the running mean of the squared gradients.</source>
        <translation>Adam：梯度平方滑动平均的衰减率。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ρ</source>
        <translation>ρ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Decay rate of the running mean of squared gradients (RMSprop, Adadelta).</source>
        <translation>梯度平方滑动平均的衰减率（RMSprop、Adadelta）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ε</source>
        <translation>ε</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Small constant added to the denominator to avoid division by zero.</source>
        <translation>加到分母上的小常数，用于避免除以零。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>How the learning rate changes with the epochs. Applies at once.</source>
        <translation>学习率随轮次（epoch）变化的方式。立即生效。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decay</source>
        <translation>衰减系数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inverse time: rate = lr / (1 + decay · epoch).</source>
        <translation>逆时衰减：学习率 = lr / (1 + 衰减系数 · 轮次)。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base</source>
        <translation>底数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exponential: rate = lr · base^epoch.</source>
        <translation>指数衰减：学习率 = lr · 底数^轮次。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Inverse square root: rate = lr · k / √epoch.</source>
        <translation>平方根倒数衰减：学习率 = lr · k / √轮次。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every (epochs)</source>
        <translation>间隔（轮次）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step: multiply the rate by the factor every this many epochs.</source>
        <translation>阶梯衰减：每隔这么多轮次，将学习率乘以一次该因子。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>Factor</source>
        <translation>因子</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Step: the factor applied to the rate.</source>
        <translation>阶梯衰减：学习率所乘的因子。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patience</source>
        <translation>耐心值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Plateau: evaluations without improvement before the rate is reduced.</source>
        <translation>平台期衰减：连续多少次评估没有改善后才降低学习率。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plateau: the factor applied to the rate when the validation loss stops improving.</source>
        <translation>平台期衰减：验证集损失不再改善时学习率所乘的因子。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Samples per update: 1 = stochastic gradient descent (noisy), the whole training set = full batch (smooth).</source>
        <translation>每次更新使用的样本数：1 = 随机梯度下降（噪声大），整个训练集 = 全批量（平滑）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loss ↻</source>
        <translation>损失函数 ↻</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What training minimises. Automatic: cross-entropy (softmax) for classes, mean squared error for regression. Binary cross-entropy and MSE on a sigmoid use one sigmoid output (2 classes); mean squared error on classes compares the softmax probabilities with the one-hot target. Squared error on probabilities learns slowly from a confidently wrong output.</source>
        <translation>训练要最小化的量。自动：分类用交叉熵（softmax），回归用均方误差。二元交叉熵和 sigmoid 上的均方误差只用一个 sigmoid 输出（2 个类别）；在分类数据上用均方误差时，比较的是 softmax 概率与 one-hot 目标。在概率上用平方误差时，输出一旦错得很自信，就学得很慢。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Seed ↻</source>
        <translation>种子 ↻</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random seed of the weights, dropout and shuffling.</source>
        <translation>权重、随机失活（Dropout）和数据打乱所用的随机种子。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>L1</source>
        <translation>L1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L1 penalty λ1·Σ|w| (logarithmic scale; leftmost = off): drives weights to exactly zero, a sparse network.</source>
        <translation>L1 惩罚 λ1·Σ|w|（对数刻度；最左 = 关闭）：把权重压到恰好为零，得到稀疏网络。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L2 penalty (λ2/2)·Σw² (logarithmic scale; leftmost = off): keeps all weights small (weight decay).</source>
        <translation>L2 惩罚 (λ2/2)·Σw²（对数刻度；最左 = 关闭）：使所有权重保持较小（权重衰减）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compare L1 vs L2 ↻</source>
        <translation>对比 L1 与 L2 ↻</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Train two networks side by side from the same weights, one with an L1 penalty and one with an L2 penalty of the same strength: the larger of L1 and L2 (0.001 when both are off).</source>
        <translation>从相同的权重出发并排训练两个网络，一个使用 L1 惩罚，一个使用相同强度的 L2 惩罚：强度取 L1 与 L2 中较大的一个（两者都关闭时为 0.001）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By global norm</source>
        <translation>按全局范数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By value</source>
        <translation>按数值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clipping</source>
        <translation>梯度裁剪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gradient clipping: rescale the gradient when its overall length exceeds the threshold (by norm), or clamp each component (by value). A cure for exploding gradients.</source>
        <translation>梯度裁剪：当梯度的整体长度超过阈值时将其按比例缩小（按范数），或将每个分量截断到阈值以内（按数值）。用于应对梯度爆炸。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The largest gradient norm or component allowed.</source>
        <translation>允许的最大梯度范数（或单个梯度分量的最大绝对值）。</translation>
    </message>
</context>
<context>
    <name>dlui::ConvArithmeticView</name>
    <message>
        <location filename="../ui/labs/cnn/ConvArithmeticView.cpp" line="+253"/>
        <source>The grey border is zero padding: it is not part of the input and stays 0.</source>
        <translation>灰色边框是零填充：它不属于输入，始终为 0。</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+13"/>
        <source>“%1” is not a number between −999 and 999; the cell keeps its value.</source>
        <translation>“%1”不是 −999 到 999 之间的数，该格保持原值。</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>Sliding window</source>
        <translation>滑动窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stacked layers</source>
        <translation>堆叠的层</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gridding</source>
        <translation>网格效应</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>One convolution: the kernel slides over the padded input, one output value per position.</source>
        <translation>一次卷积：卷积核在填充后的输入上滑动，每个位置得到一个输出值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Several 3×3 layers in a row: how much of the input one output value sees.</source>
        <translation>多个 3×3 层串联：一个输出值能看到输入的多大范围。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stacked dilated layers can leave holes: input pixels an output never sees.</source>
        <translation>堆叠的空洞卷积层可能留下空洞：输出永远看不到的输入像素。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Geometry</source>
        <translation>几何参数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input size n:</source>
        <translation>输入大小 n：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kernel size k:</source>
        <translation>卷积核大小 k：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stride s:</source>
        <translation>步幅 s：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Padding p:</source>
        <translation>填充 p：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dilation d:</source>
        <translation>空洞率 d：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The input is n × n values.</source>
        <translation>输入由 n × n 个值组成。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The kernel is k × k weights: how many input values each output value combines.</source>
        <translation>卷积核有 k × k 个权重：每个输出值组合多少个输入值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How far the window moves between two output values. Stride 2 roughly halves the output.</source>
        <translation>相邻两个输出值之间窗口移动的距离。步幅为 2 时输出大约减半。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rows and columns of zeros added around the input, so the window can also sit on the border.</source>
        <translation>在输入四周补上若干行和列的零，使窗口也能落在边界上。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The spacing of the kernel&apos;s taps: dilation 2 spreads a 3×3 kernel over 5×5 inputs with the same 9 weights.</source>
        <translation>卷积核各抽头之间的间距：空洞率为 2 时，3×3 的卷积核用同样的 9 个权重覆盖 5×5 的输入。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Values</source>
        <translation>数值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A handwritten digit</source>
        <translation>手写数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A generated shape</source>
        <translation>生成的图形</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A ramp (row + column)</source>
        <translation>斜坡（行号 + 列号）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What to put into the input grid: a digit of the bundled UCI set (pixel counts 0–16), a shape, a ramp or zeros.</source>
        <translation>填入输入网格的内容：内置 UCI 数据集中的一个数字（像素计数 0–16）、一个图形、斜坡或全零。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Fill</source>
        <translation>填充</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fill the input again (the next digit, another shape).</source>
        <translation>重新填充输入（下一个数字、另一个图形）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+253"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="-253"/>
        <location line="+253"/>
        <source>Play</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="-252"/>
        <source>Slide the window over the input, one output value at a time.</source>
        <translation>让窗口在输入上滑动，每次计算一个输出值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the window to the next output value.</source>
        <translation>把窗口移到下一个输出值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restart</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to the first output value, with an empty output.</source>
        <translation>回到第一个输出值，并清空输出。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ms per step:</source>
        <translation>每步毫秒数：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How long the window stays on each output value while playing.</source>
        <translation>播放时窗口在每个输出值上停留的时间。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The input with its zero padding (the lilac border). The orange squares are the input values the current output value multiplies. Click a cell and type to change it.</source>
        <translation>带零填充的输入（淡紫色边框）。橙色方框是当前输出值所乘的输入值。点击格子并输入数字即可修改。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The kernel&apos;s weights (blue negative, red positive). Click a cell and type to change it.</source>
        <translation>卷积核的权重（蓝色为负，红色为正）。点击格子并输入数字即可修改。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The output, computed by the engine&apos;s conv2d layer; it fills in as the window slides. Click a cell to see its dot product.</source>
        <translation>输出，由引擎的 conv2d 层计算；随着窗口滑动逐格填入。点击格子可查看它的点积。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stack of 3×3 layers</source>
        <translation>3×3 层的堆叠</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layers:</source>
        <translation>层数：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many 3×3 convolution layers are stacked (1–4).</source>
        <translation>堆叠多少个 3×3 卷积层（1–4）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input size:</source>
        <translation>输入大小：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The stack&apos;s input is this many pixels on each side.</source>
        <translation>堆叠网络的输入每边有这么多像素。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Layer %1 — dilation, stride:</source>
        <translation>第 %1 层——空洞率、步幅：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dilation of layer %1: the spacing of its taps.</source>
        <translation>第 %1 层的空洞率：其抽头之间的间距。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stride of layer %1: every later tap is this many times further apart on the input.</source>
        <translation>第 %1 层的步幅：之后各层的抽头在输入上的间距都会乘以这个倍数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each layer pads with d zeros on each side, so at stride 1 its output keeps its size.</source>
        <translation>每层在每一边补 d 个零，因此步幅为 1 时输出大小不变。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input: the receptive field of the chosen output value</source>
        <translation>输入：所选输出值的感受野</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output of the stack (click a value)</source>
        <translation>堆叠网络的输出（点击一个值）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Darker: more paths from this input pixel to the chosen output. A red cross: inside the field, but no path reaches it.</source>
        <translation>颜色越深：从该输入像素到所选输出的路径越多。红色叉号：位于感受野内，却没有任何路径到达。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click an output value to see which input pixels it depends on.</source>
        <translation>点击一个输出值，查看它依赖哪些输入像素。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colour: number of paths from the input pixel to the output value (rows × columns). Red cross: a hole inside the field.</source>
        <translation>颜色：从输入像素到输出值的路径数（行 × 列）。红色叉号：感受野内的空洞。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Three 3×3 layers with dilations 2, 2, 2 see a 13×13 field, but only through every other pixel: the holes (red crosses) are never seen — the gridding artifact. Dilations 1, 2, 5 cover their 17×17 field without holes. Colour: paths from the pixel to the output.</source>
        <translation>空洞率为 2、2、2 的三个 3×3 层的感受野是 13×13，但只能隔一个像素看一个：空洞（红色叉号）永远看不到——这就是网格效应。空洞率 1、2、5 则无空洞地覆盖其 17×17 的感受野。颜色：从该像素到输出的路径数。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dilations 2, 2, 2</source>
        <translation>空洞率 2、2、2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dilations 1, 2, 5</source>
        <translation>空洞率 1、2、5</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paths from each input pixel of the receptive field to the one output value; red crosses are pixels never seen.</source>
        <translation>感受野内每个输入像素到那一个输出值的路径数；红色叉号是永远看不到的像素。</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>The dilated kernel spans d(k−1)+1 = %1 values but the padded input has only %2: it does not fit, there is no output (output size %3 ≤ 0).</source>
        <translation>空洞卷积核跨越 d(k−1)+1 = %1 个值，而填充后的输入只有 %2 个：放不下，没有输出（输出大小 %3 ≤ 0）。</translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>(n + 2p − d(k−1) − 1)/s does not divide evenly and is rounded down: the last %n input row(s) and column(s) are never seen.</source>
        <translation>
            <numerusform>(n + 2p − d(k−1) − 1)/s 不能整除，向下取整：输入的最后 %n 行和 %n 列永远不会被看到。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>The stride jumps over %n input row(s) and column(s) that no tap reaches.</source>
        <translation>
            <numerusform>步幅跳过了 %n 行和 %n 列输入，没有任何抽头到达它们。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Click a cell of the input or the kernel and type a number, then Enter; ↑/↓ or the mouse wheel add ±1.</source>
        <translation>点击输入或卷积核的一个格子，输入数字后按回车；↑/↓ 键或鼠标滚轮可加减 1。</translation>
    </message>
    <message>
        <location line="+146"/>
        <source>Input %1×%1, padding %2 → %3×%3</source>
        <translation>输入 %1×%1，填充 %2 → %3×%3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kernel %1×%1</source>
        <translation>卷积核 %1×%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output %1×%1</source>
        <translation>输出 %1×%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No output</source>
        <translation>没有输出</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output (%1, %2) = input · weight, summed: %3</source>
        <translation>输出 (%1, %2) = 输入 · 权重 之和：%3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Output size ⌊(n + 2p − d(k−1) − 1)/s⌋ + 1 = %1</source>
        <translation>输出大小 ⌊(n + 2p − d(k−1) − 1)/s⌋ + 1 = %1</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>receptive field %1×%1</source>
        <translation>感受野 %1×%1</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Dilations %1, strides %2: %3; the output is %4×%4.</source>
        <translation>空洞率 %1，步幅 %2：%3；输出为 %4×%4。</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1: every input pixel inside the %2×%2 field is seen; no holes.</source>
        <translation>%1：%2×%2 感受野内的每个输入像素都被看到；没有空洞。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2 input pixels inside the %3×%3 field are never seen.</source>
        <translation>%1：%3×%3 感受野内有 %2 个输入像素永远看不到。</translation>
    </message>
</context>
<context>
    <name>dlui::DecisionMapWidget</name>
    <message>
        <location filename="../ui/labs/playground/DecisionMapWidget.cpp" line="+474"/>
        <source>target (line: the network&apos;s prediction)</source>
        <translation>目标值（曲线：网络的预测）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+48"/>
        <location line="+40"/>
        <location line="+58"/>
        <source>training</source>
        <translation>训练集</translation>
    </message>
    <message>
        <location line="-98"/>
        <location line="+41"/>
        <location line="+58"/>
        <source>validation</source>
        <translation>验证集</translation>
    </message>
    <message>
        <location line="-449"/>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
    <message>
        <location line="+318"/>
        <source>whitened input %1</source>
        <translation>白化后的输入 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1, standardised</source>
        <translation>%1（标准化后）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, as fed to the network</source>
        <translation>%1（原样送入网络）</translation>
    </message>
    <message>
        <location line="+245"/>
        <source>feature %1</source>
        <translation>特征 %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Show validation</source>
        <translation>显示验证集</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also draw the validation points (black outline): data the network never trains on.</source>
        <translation>同时绘制验证集数据点（黑色描边）：网络从不在这些数据上训练。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discretise</source>
        <translation>离散化</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colour each region by the most likely class only, instead of blending the class colours by probability.</source>
        <translation>每个区域只按最可能的类别着色，而不是按概率混合各类别的颜色。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Network inputs</source>
        <translation>网络输入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draw the map over the network&apos;s own inputs, after standardisation, whitening or feature expansion, with the same units on both axes: the data as the network sees it.</source>
        <translation>在网络自己的输入上绘制决策图（经过标准化、白化或特征扩展之后），两条坐标轴用同样的单位：这就是网络眼中的数据。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>x:</source>
        <translation>x：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>y:</source>
        <translation>y：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feature on the horizontal axis of the map; the other features are held at their training mean. ↻ New weights.</source>
        <translation>决策图横轴对应的特征；其他特征固定为其在训练集上的均值。↻ 权重将重新初始化。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Feature on the vertical axis of the map; the other features are held at their training mean. ↻ New weights.</source>
        <translation>决策图纵轴对应的特征；其他特征固定为其在训练集上的均值。↻ 权重将重新初始化。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The network&apos;s prediction over the plane: colour = class probability; dots = the data.</source>
        <translation>网络在整个平面上的预测：颜色 = 类别概率；圆点 = 数据。</translation>
    </message>
</context>
<context>
    <name>dlui::DisplayNames</name>
    <message>
        <location filename="../ui/widgets/DisplayNames.cpp" line="+20"/>
        <source>Circle</source>
        <translation>圆形</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>XOR</source>
        <translation>异或（XOR）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gaussian blobs</source>
        <translation>高斯簇</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spiral</source>
        <translation>螺旋</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Two moons</source>
        <translation>双月形</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linear split</source>
        <translation>线性可分</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checkerboard</source>
        <translation>棋盘格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plane (regression)</source>
        <translation>平面（回归）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ripple (regression)</source>
        <translation>波纹（回归）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ill-conditioned (regression)</source>
        <translation>病态条件（回归）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correlated inputs (regression)</source>
        <translation>相关输入（回归）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV file…</source>
        <translation>CSV 文件…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sigmoid</source>
        <translation>Sigmoid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tanh</source>
        <translation>Tanh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leaky ReLU</source>
        <translation>Leaky ReLU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PReLU</source>
        <translation>PReLU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ELU</source>
        <translation>ELU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SELU</source>
        <translation>SELU</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maxout</source>
        <translation>Maxout</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zeros</source>
        <translation>全零</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+16"/>
        <source>Constant</source>
        <translation>常数</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Normal (σ)</source>
        <translation>正态分布（σ）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Uniform (±limit)</source>
        <translation>均匀分布（±界限）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xavier uniform</source>
        <translation>Xavier 均匀</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Xavier normal</source>
        <translation>Xavier 正态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>He normal</source>
        <translation>He 正态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>He uniform</source>
        <translation>He 均匀</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>LeCun normal</source>
        <translation>LeCun 正态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orthogonal</source>
        <translation>正交</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Momentum</source>
        <translation>动量法</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nesterov</source>
        <translation>Nesterov</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AdaGrad</source>
        <translation>AdaGrad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adadelta</source>
        <translation>Adadelta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inverse time</source>
        <translation>逆时衰减</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exponential</source>
        <translation>指数衰减</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inverse square root</source>
        <translation>平方根倒数衰减</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>阶梯衰减</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reduce on plateau</source>
        <translation>平台期衰减</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random over-sampling</source>
        <translation>随机过采样</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random under-sampling</source>
        <translation>随机欠采样</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SMOTE</source>
        <translation>SMOTE</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Binary cross-entropy</source>
        <translation>二元交叉熵</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MSE on a sigmoid</source>
        <translation>sigmoid 上的均方误差</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mean squared error</source>
        <translation>均方误差</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>activations</source>
        <translation>激活值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gradient</source>
        <translation>梯度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>weights</source>
        <translation>权重</translation>
    </message>
</context>
<context>
    <name>dlui::DivergenceBanner</name>
    <message>
        <location filename="../ui/labs/playground/DivergenceBanner.cpp" line="+81"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start again with new weights (keyboard: R).</source>
        <translation>以新的权重重新开始（快捷键：R）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide this message; the network stays stopped until you reset it.</source>
        <translation>隐藏此消息；在重置之前，网络会一直保持停止状态。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Training diverged at step %1: the %2 became infinite or NaN in layer %3.</source>
        <translation>训练在第 %1 步发散：第 %3 层的%2变成了无穷大或 NaN。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Training diverged at step %1: the %2 became infinite or NaN.</source>
        <translation>训练在第 %1 步发散：%2变成了无穷大或 NaN。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Run %1: %2</source>
        <translation>%1 组：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training diverged (%1).</source>
        <translation>训练发散（%1）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The last finite state is shown.</source>
        <translation>当前显示的是最后一个有限值状态。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Try: a lower learning rate · gradient clipping (Regularisation page) · a better initialisation such as Xavier or He.</source>
        <translation>可以尝试：降低学习率 · 梯度裁剪（“正则化”页）· 更好的初始化方法，如 Xavier 或 He。</translation>
    </message>
</context>
<context>
    <name>dlui::DrawCanvas</name>
    <message>
        <location filename="../ui/labs/cnn/ImageViews.cpp" line="+193"/>
        <source>Draw here with the mouse
(right button erases),
or drop an image file</source>
        <translation>用鼠标在这里书写
（右键擦除），
或拖入一个图像文件</translation>
    </message>
</context>
<context>
    <name>dlui::EigenPlane</name>
    <message>
        <location filename="../ui/labs/sequence/EigenPlane.cpp" line="+62"/>
        <source>Run %1</source>
        <translation>第 %1 次运行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1   ρ = %2</source>
        <translation>%1   ρ = %2</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>No eigenvalues yet</source>
        <translation>还没有特征值</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Re</source>
        <translation>Re</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Im</source>
        <translation>Im</translation>
    </message>
</context>
<context>
    <name>dlui::FirstRunHint</name>
    <message>
        <location filename="../ui/labs/playground/FirstRunHint.cpp" line="+54"/>
        <source>&lt;b&gt;Press Space to train&lt;/b&gt; (again to pause) · → one step · R new weights · &lt;b&gt;↻&lt;/b&gt; on a control: changing it restarts training with new weights; the others apply while it trains · F1 quick guide</source>
        <translation>&lt;b&gt;按空格键开始训练&lt;/b&gt;（再按一次暂停）· → 单步 · R 重新生成权重 · 控件上的 &lt;b&gt;↻&lt;/b&gt;：修改它会用新权重重新开始训练；其他控件在训练中立即生效 · F1 快速指南</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quick guide</source>
        <translation>快速指南</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide this hint for good</source>
        <translation>不再显示此提示</translation>
    </message>
</context>
<context>
    <name>dlui::GradientNormChart</name>
    <message>
        <location filename="../ui/plots/GradientNormChart.cpp" line="+14"/>
        <source>Gradient norm per layer</source>
        <translation>各层梯度范数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>norm (log)</source>
        <translation>范数（对数）</translation>
    </message>
</context>
<context>
    <name>dlui::HeatMap</name>
    <message>
        <location filename="../ui/labs/sequence/HeatMap.cpp" line="+189"/>
        <location line="+215"/>
        <source>no value</source>
        <translation>无值</translation>
    </message>
    <message>
        <location line="-148"/>
        <source>%1 (not shown on a log scale)</source>
        <translation>%1（对数刻度无法显示）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2: %3</source>
        <translation>%1，%2：%3</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>No data yet</source>
        <translation>还没有数据</translation>
    </message>
</context>
<context>
    <name>dlui::HelpDialog</name>
    <message>
        <location filename="../ui/widgets/HelpDialog.cpp" line="+41"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Quick guide</source>
        <translation>快速指南</translation>
    </message>
</context>
<context>
    <name>dlui::KernelEditor</name>
    <message>
        <location filename="../ui/labs/cnn/KernelEditor.cpp" line="+249"/>
        <location line="+369"/>
        <source>Weight in row %1, column %2 of the kernel. Type a number between −100 and 100; the output updates as you type.</source>
        <translation>卷积核第 %1 行第 %2 列的权重。请输入 −100 到 100 之间的数；输出随输入即时更新。</translation>
    </message>
    <message>
        <location line="-324"/>
        <source>“%1” in row %2, column %3 is not a number between −100 and 100. The output still shows the last valid kernel.</source>
        <translation>第 %2 行第 %3 列的“%1”不是 −100 到 100 之间的数。输出仍显示上一个有效卷积核的结果。</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>The kernel must be 3×3 or 5×5, not %1×%1.</source>
        <translation>卷积核必须是 3×3 或 5×5，而不是 %1×%1。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A %1×%1 kernel needs %2 values, not %3.</source>
        <translation>%1×%1 的卷积核需要 %2 个值，而不是 %3 个。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Weight %1 (row %2, column %3) is %4: weights must be numbers between −100 and 100.</source>
        <translation>第 %1 个权重（第 %2 行第 %3 列）为 %4：权重必须是 −100 到 100 之间的数。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The output still shows the last valid kernel.</source>
        <translation>输出仍显示上一个有效卷积核的结果。</translation>
    </message>
    <message>
        <location line="+150"/>
        <source>Grey input, 1 channel: the kernel is 1 × %1 × %1 and gives one output map.</source>
        <translation>灰度输入，1 个通道：卷积核为 1 × %1 × %1，得到一张输出图。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour input, 3 channels: the kernel has the input&apos;s depth, 3 × %1 × %1 (one %1×%1 slice per channel). The three products are summed into ONE output map.</source>
        <translation>彩色输入，3 个通道：卷积核的深度与输入相同，为 3 × %1 × %1（每个通道一片 %1×%1）。三个通道的结果相加，只得到一张输出图。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Output values from %1 to %2 (blue negative, white 0, red positive).</source>
        <translation>输出值从 %1 到 %2（蓝色为负，白色为 0，红色为正）。</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Input %1×%2, 3 channels (red, green, blue)</source>
        <translation>输入 %1×%2，3 个通道（红、绿、蓝）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Input %1×%2, 1 channel</source>
        <translation>输入 %1×%2，1 个通道</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output %1×%2: one map</source>
        <translation>输出 %1×%2：一张图</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Kernel</source>
        <translation>卷积核</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Named kernel:</source>
        <translation>常用卷积核：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sobel x (vertical edges)</source>
        <translation>Sobel x（竖直边缘）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sobel y (horizontal edges)</source>
        <translation>Sobel y（水平边缘）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Laplacian (all edges)</source>
        <translation>拉普拉斯（所有方向的边缘）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Box blur</source>
        <translation>均值模糊</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gaussian blur</source>
        <translation>高斯模糊</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sharpen</source>
        <translation>锐化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Identity</source>
        <translation>恒等</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custom (typed)</source>
        <translation>自定义（手动输入）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A classic hand-made kernel. A CNN learns kernels like these from data.</source>
        <translation>经典的手工设计卷积核。CNN 会从数据中学到类似的卷积核。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size:</source>
        <translation>大小：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>3×3 or 5×5 weights. A larger kernel looks at a larger neighbourhood of each pixel.</source>
        <translation>3×3 或 5×5 个权重。卷积核越大，看到每个像素周围的邻域就越大。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zero padding (same size)</source>
        <translation>零填充（大小不变）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On: (k−1)/2 zeros around the image keep the output&apos;s size, but the zeros make edges at the border. Off: the kernel only sits fully inside the image (&quot;valid&quot;).</source>
        <translation>开启：在图像四周补 (k−1)/2 个零以保持输出大小，但这些零会在边界处形成边缘。关闭：卷积核只放在完全位于图像内部的位置（&quot;valid&quot;）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This kernel is 3×3; the 5×5 version is the 3×3 framed with zeros.</source>
        <translation>这个卷积核本是 3×3；其 5×5 版本是在 3×3 外围补一圈零。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image:</source>
        <translation>图像：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handwritten digit</source>
        <translation>手写数字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shapes (bars, square, cross)</source>
        <translation>图形（条形、方框、十字）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Constant grey</source>
        <translation>均匀灰色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour shapes (3 channels)</source>
        <translation>彩色图形（3 个通道）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The image the kernel is applied to. The colour image has three channels, so the kernel gets three slices.</source>
        <translation>卷积核所作用的图像。彩色图像有三个通道，因此卷积核有三片。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Digit number:</source>
        <translation>数字编号：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which of the 1,797 bundled UCI digits (8×8, each pixel drawn 4×4).</source>
        <translation>内置的 1,797 个 UCI 数字中的哪一个（8×8，每个像素画成 4×4）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kernel depth</source>
        <translation>卷积核的深度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Red</source>
        <translation>红</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Green</source>
        <translation>绿</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Blue</source>
        <translation>蓝</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Grey</source>
        <translation>灰度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Multiplies the kernel&apos;s %1 slice. 1, 1, 1: the same kernel on every channel; set one to 0 to ignore that channel.</source>
        <translation>乘到卷积核的“%1”通道切片上。1、1、1：每个通道用同样的卷积核；设为 0 则忽略该通道。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The kernel&apos;s slice for this channel, as the layer uses it.</source>
        <translation>该通道对应的卷积核切片，即层实际使用的值。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The input image.</source>
        <translation>输入图像。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The output map of the engine&apos;s conv2d layer: blue negative, white 0, red positive.</source>
        <translation>引擎 conv2d 层的输出图：蓝色为负，白色为 0，红色为正。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Histogram of the output values (heights: square root of the count; grey: the bin at 0)</source>
        <translation>输出值的直方图（高度：计数的平方根；灰色：0 所在的区间）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How many output pixels have each value. An edge detector puts most pixels at 0.</source>
        <translation>各个取值的输出像素有多少。边缘检测器会让大多数像素为 0。</translation>
    </message>
</context>
<context>
    <name>dlui::LandscapeLab</name>
    <message>
        <location filename="../ui/labs/landscape/LandscapeLab.cpp" line="+326"/>
        <location line="+446"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="-446"/>
        <location line="+446"/>
        <source>Play</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="-445"/>
        <source>Start or pause the race (Space).</source>
        <translation>开始或暂停比赛（空格键）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One step for every racer (→).</source>
        <translation>每个优化器各走一步（→ 键）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restart</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every racer back to the start, its optimiser&apos;s state cleared.</source>
        <translation>所有优化器回到起点，并清空各自的优化器状态。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps/s</source>
        <translation>步/秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Surface</source>
        <translation>曲面</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Ill-conditioned quadratic</source>
        <translation>病态二次函数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saddle x² − y²</source>
        <translation>鞍面 x² − y²</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Monkey saddle x³ − 3xy²</source>
        <translation>猴鞍面 x³ − 3xy²</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rosenbrock&apos;s valley</source>
        <translation>Rosenbrock 山谷</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beale</source>
        <translation>Beale 函数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Himmelblau (four minima)</source>
        <translation>Himmelblau（四个极小值）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Long plateau</source>
        <translation>长平台</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rastrigin (many local minima)</source>
        <translation>Rastrigin（大量局部极小值）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logistic regression on data</source>
        <translation>数据上的逻辑回归</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your function f(x, y)</source>
        <translation>自定义函数 f(x, y)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The loss surface the optimisers race on.</source>
        <translation>各优化器比赛所在的损失曲面。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Condition κ</source>
        <translation>条件数 κ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>λmax/λmin of the quadratic: how much steeper one direction is than the other.</source>
        <translation>二次函数的 λmax/λmin：一个方向比另一个方向陡多少倍。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>f(x, y) =</source>
        <translation>f(x, y) =</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. (1-x)^2 + 5*(y-x^2)^2</source>
        <translation>例如 (1-x)^2 + 5*(y-x^2)^2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type a function of x and y and press Enter: + − * / ^, sin cos tan exp log sqrt abs tanh, pi, e. Its gradient and Hessian are exact (automatic differentiation).</source>
        <translation>输入一个关于 x 和 y 的函数后按回车：可用 + − * / ^、sin cos tan exp log sqrt abs tanh、pi、e。梯度和 Hessian 都是精确值（自动微分）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Click the map to start every racer there.</source>
        <translation>点击地图，让所有优化器从那里出发。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optimisers and learning rates</source>
        <translation>优化器与学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Same learning rate for all</source>
        <translation>全部使用同一学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every racer uses the rate of the slider below instead of its own tuned rate.</source>
        <translation>所有优化器都使用下方滑块的学习率，而不是各自调好的学习率。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The learning rate every racer uses when “same learning rate for all” is on.</source>
        <translation>勾选“全部使用同一学习率”时，所有优化器共用的学习率。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dynamics</source>
        <translation>动态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Momentum β</source>
        <translation>动量 β</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>β of momentum and Nesterov (heavy ball: v ← βv + ∇f, x ← x − lr·v).</source>
        <translation>动量法与 Nesterov 的 β（重球法：v ← βv + ∇f，x ← x − lr·v）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gradient noise σ</source>
        <translation>梯度噪声 σ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gaussian noise added to every gradient component, as a mini-batch would: SGD jitters around the minimum, with a spread that grows with the learning rate.</source>
        <translation>在梯度的每个分量上加高斯噪声，模拟小批量带来的噪声：SGD 会在最小值附近抖动，抖动幅度随学习率增大。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Schedule</source>
        <translation>学习率调度</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The learning rate over the race as a fraction of the base rate: the chosen schedule bold, the others grey.</source>
        <translation>比赛过程中学习率相对初始值的比例：所选调度为粗线，其余为灰线。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Optimiser</source>
        <translation>优化器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>lr</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+222"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="-222"/>
        <source>‖∇f‖</source>
        <translation>‖∇f‖</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>κ here</source>
        <translation>此处 κ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>state</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The condition number of the Hessian where the racer stands.</source>
        <translation>该优化器当前位置处 Hessian 的条件数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Colours: the loss on a logarithmic scale (dark = low). ○ minimum, △ maximum, × saddle. Click to set the start.</source>
        <translation>颜色：对数刻度下的损失（越暗越低）。○ 极小值，△ 极大值，× 鞍点。点击可设置起点。</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Red line: momentum is stable below lr = 2(1+β)/λmax = %1.</source>
        <translation>红线：学习率低于 2(1+β)/λmax = %1 时动量法稳定。</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>Every racer starts at (%1, %2).</source>
        <translation>所有优化器从 (%1, %2) 出发。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>loss − minimum</source>
        <translation>损失 − 最小值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loss above the minimum</source>
        <translation>高出最小值的损失</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>diverged at step %1</source>
        <translation>在第 %1 步发散</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>at a minimum</source>
        <translation>到达极小值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stuck on a saddle</source>
        <translation>停在鞍点上</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stopped (flat)</source>
        <translation>停住（平坦处）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>left the map</source>
        <translation>离开了地图</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 from a minimum</source>
        <translation>距极小值 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>moving</source>
        <translation>移动中</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Point at the map: the loss, the Hessian&apos;s eigenvalues and the condition number there.</source>
        <translation>把鼠标移到地图上：显示该点的损失、Hessian 特征值与条件数。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>curves up both ways (bowl)</source>
        <translation>两个方向都向上弯（碗形）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>curves down both ways (cap)</source>
        <translation>两个方向都向下弯（帽形）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>up one way, down the other (saddle)</source>
        <translation>一个方向向上、另一个方向向下（鞍形）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>flat in one direction</source>
        <translation>某个方向是平的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(%1, %2): f = %3 · ‖∇f‖ = %4 · Hessian eigenvalues %5, %6 · κ = %7 · %8</source>
        <translation>(%1, %2)：f = %3 · ‖∇f‖ = %4 · Hessian 特征值 %5, %6 · κ = %7 · %8</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Paused after %1 steps: Play goes on.</source>
        <translation>已在 %1 步后暂停：按“运行”继续。</translation>
    </message>
</context>
<context>
    <name>dlui::LayerSeriesChart</name>
    <message>
        <location filename="../ui/plots/LayerSeriesChart.cpp" line="+28"/>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>0: not on a log axis</source>
        <translation>0：无法画在对数轴上</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not finite: diverged</source>
        <translation>非有限值：已发散</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>output</source>
        <translation>输出层</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>layer %1</source>
        <translation>第 %1 层</translation>
    </message>
</context>
<context>
    <name>dlui::LearningRateChart</name>
    <message>
        <location filename="../ui/plots/LearningRateChart.cpp" line="+49"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log axis</source>
        <translation>对数轴</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draw the learning rate on a logarithmic axis: a decay over several factors of 10 stays readable to its end.</source>
        <translation>用对数坐标画学习率：跨越好几个数量级的衰减一直到最后都看得清。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>training loss</source>
        <translation>训练集损失</translation>
    </message>
</context>
<context>
    <name>dlui::LossChart</name>
    <message>
        <location filename="../ui/plots/LossChart.cpp" line="+80"/>
        <source>Loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log axis</source>
        <translation>对数轴</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Draw the loss on a logarithmic axis: every factor of 10 takes the same height, so a loss going from 1 down to 0.001 stays visible instead of flattening onto the floor.</source>
        <translation>用对数坐标画损失：每相差 10 倍占同样的高度，所以从 1 降到 0.001 的损失依然清晰可见，而不会贴在底部变成一条平线。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>accuracy (%)</source>
        <translation>准确率 (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>0: not on a log axis</source>
        <translation>0：无法画在对数轴上</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not finite: diverged</source>
        <translation>非有限值：已发散</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>train loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>val loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>val acc</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>train acc</source>
        <translation>训练准确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test acc</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>val peak</source>
        <translation>验证峰值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>validation peak</source>
        <translation>验证峰值</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+19"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+203"/>
        <source>validation accuracy ≤ %1</source>
        <translation>验证准确率 ≤ %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>validation accuracy ≥ %1</source>
        <translation>验证准确率 ≥ %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>validation loss ≤ %1</source>
        <translation>验证损失 ≤ %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>validation loss ≥ %1</source>
        <translation>验证损失 ≥ %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 first at step %2</source>
        <translation>第 %2 步首次达到%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: not yet (step %2)</source>
        <translation>尚未达到%1（已到第 %2 步）</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="-270"/>
        <source>training loss</source>
        <translation>训练集损失</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>validation loss</source>
        <translation>验证集损失</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>validation accuracy</source>
        <translation>验证集准确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>training accuracy</source>
        <translation>训练集准确率</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+3"/>
        <source>test loss</source>
        <translation>测试损失</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <location line="+260"/>
        <source>validation peak %1% · test there %2%</source>
        <translation>验证峰值 %1% · 同一步测试 %2%</translation>
    </message>
</context>
<context>
    <name>dlui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+46"/>
        <source>dlplay experiments (*.json);;All files (*)</source>
        <translation>dlplay 实验 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+2"/>
        <source>dlplay</source>
        <translation>dlplay</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowLabs.cpp" line="+173"/>
        <source>Preset “%1”: %2</source>
        <translation>预设“%1”：%2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="+317"/>
        <source>Open experiment</source>
        <translation>打开实验</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save model weights</source>
        <translation>保存模型权重</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Save experiment</source>
        <translation>保存实验</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>About dlplay</source>
        <translation>关于 dlplay</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;dlplay %1&lt;/h3&gt;&lt;p&gt;A deep-learning playground for the desktop: train small neural networks on 2-D data and watch them learn.&lt;/p&gt;&lt;p&gt;Built with Qt %2 and Eigen.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;dlplay %1&lt;/h3&gt;&lt;p&gt;桌面版深度学习实验场：在二维数据上训练小型神经网络，观察它们如何学习。&lt;/p&gt;&lt;p&gt;基于 Qt %2 和 Eigen 构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>dlplay — deep-learning playground</source>
        <translation>dlplay — 深度学习实验场</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open experiment…</source>
        <translation>打开实验(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load an experiment file (settings, and weights when it has them).</source>
        <translation>加载实验文件（包括设置；文件中含有权重时也一并加载）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent &amp;files</source>
        <translation>最近的文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear list</source>
        <translation>清除列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save experiment…</source>
        <translation>保存实验(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the settings of this experiment as a file to share or reopen.</source>
        <translation>将本实验的设置保存为文件，便于分享或重新打开。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save model &amp;weights…</source>
        <translation>保存模型权重(&amp;W)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the settings with the trained weights, so training continues where it stopped.</source>
        <translation>将设置连同训练得到的权重一起保存，以便从停止处继续训练。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chart as &amp;PNG…</source>
        <translation>PNG 格式图表(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chart as &amp;SVG…</source>
        <translation>SVG 格式图表(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metrics as &amp;CSV…</source>
        <translation>CSV 格式指标(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For a projector: the whole screen, the decision map large with the numbers beside it, the preset&apos;s chart below, a short column of classroom controls and larger text.</source>
        <translation>适合投影：窗口铺满屏幕，决策图放大、旁边显示大号数字，下方是预设的图表，左侧是一列课堂控件，文字更大。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Restore default layout</source>
        <translation>恢复默认布局(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Presets</source>
        <translation>预设(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Notes</source>
        <translation>笔记(&amp;N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interview &amp;practice…</source>
        <translation>面试练习(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Multiple-choice questions and flash cards from the notes.</source>
        <translation>根据笔记生成的选择题和闪卡。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About dlplay</source>
        <translation>关于 dlplay(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quick &amp;guide and shortcuts</source>
        <translation>快速指南和快捷键(&amp;G)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindowLabs.cpp" line="-91"/>
        <source>&amp;Lab</source>
        <translation>实验室(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Labs</source>
        <translation>实验室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play/pause the lab</source>
        <translation>运行/暂停当前实验室</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step the lab</source>
        <translation>当前实验室前进一步</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Opened in the playground: %1</source>
        <translation>已在游乐场中打开：%1</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Preset “%1” belongs to the lab “%2”, which this build does not have.</source>
        <translation>预设“%1”属于实验室“%2”，而当前版本没有这个实验室。</translation>
    </message>
</context>
<context>
    <name>dlui::MetricsView</name>
    <message>
        <location filename="../ui/plots/MetricsView.cpp" line="+66"/>
        <source>Regression: these metrics are for classes. The loss chart shows the validation error.</source>
        <translation>这是回归任务：这些指标只适用于分类。验证误差请看损失图。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The validation metrics appear after the first steps (press Space to train).</source>
        <translation>训练几步之后这里会显示验证指标（按空格键开始训练）。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Confusion matrix (validation)</source>
        <translation>混淆矩阵（验证集）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ROC</source>
        <translation>ROC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>false positive rate →</source>
        <translation>假阳性率 →</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FPR →</source>
        <translation>假阳性率 →</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>↑ true positive rate</source>
        <translation>↑ 真阳性率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>↑ TPR</source>
        <translation>↑ 真阳性率</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+41"/>
        <source>true ↓</source>
        <translation>真实 ↓</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>predicted →</source>
        <translation>预测 →</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>precision</source>
        <translation>精确率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>recall</source>
        <translation>召回率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>support</source>
        <translation>样本数</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>ROC AUC %1</source>
        <translation>ROC AUC %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>+%1 classes</source>
        <translation>另有 %1 类</translation>
    </message>
    <message>
        <location line="-76"/>
        <location line="+81"/>
        <source>macro mean</source>
        <translation>宏平均</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>accuracy %1 · Cohen&apos;s κ %2 · step %3</source>
        <translation>准确率 %1 · Cohen κ %2 · 第 %3 步</translation>
    </message>
    <message>
        <location line="-137"/>
        <source>ROC curve (validation)</source>
        <translation>ROC 曲线（验证集）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1: AUC %2</source>
        <translation>%1：AUC %2</translation>
    </message>
</context>
<context>
    <name>dlui::NetworkDiagramWidget</name>
    <message>
        <location filename="../ui/labs/playground/NetworkDiagramWidget.cpp" line="+397"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>1 feature</source>
        <translation>1 个特征</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 features</source>
        <translation>%1 个特征</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>1 value</source>
        <translation>1 个值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 values</source>
        <translation>%1 个值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P(class 1)</source>
        <translation>P(类别 1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 classes</source>
        <translation>%1 个类别</translation>
    </message>
    <message>
        <location line="+167"/>
        <source>+%1 layers</source>
        <translation>+%1 层</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>+%1 more</source>
        <translation>另有 %1 个</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Bias: %1</source>
        <translation>偏置：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>feature %1</source>
        <translation>特征 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Input %1: %2</source>
        <translation>输入 %1：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the predicted value</source>
        <translation>预测值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the probability of class 1</source>
        <translation>类别 1 的概率</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the probability of class %1</source>
        <translation>类别 %1 的概率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output %1: %2</source>
        <translation>输出 %1：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Layer %1, neuron %2
Activation: %3</source>
        <translation>第 %1 层，神经元 %2
激活函数：%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Batch normalisation</source>
        <translation>批归一化</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropout: %1</source>
        <translation>随机失活率：%1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Layers %1 to %2 are folded to keep the diagram readable; a wider window shows them.</source>
        <translation>第 %1 至 %2 层已折叠，以保持示意图清晰可读；把窗口拉宽即可显示。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>input %1</source>
        <translation>输入 %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+5"/>
        <source>layer %1 neuron %2</source>
        <translation>第 %1 层神经元 %2</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>output %1</source>
        <translation>输出 %1</translation>
    </message>
    <message>
        <location line="-36"/>
        <source>Weight %1
from %2 to %3</source>
        <translation>权重 %1
从%2到%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Click to set it.</source>
        <translation>单击可修改。</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Network diagram</source>
        <translation>网络结构图</translation>
    </message>
</context>
<context>
    <name>dlui::NotesDock</name>
    <message>
        <location filename="../ui/notes/NotesDock.cpp" line="+264"/>
        <source>Notes</source>
        <translation>笔记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forward</source>
        <translation>前进</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topics: show or hide the list of notes</source>
        <translation>主题：显示或隐藏笔记列表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search notes (中文 or English)</source>
        <translation>搜索笔记（中文或 English）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Finds the words in titles, summaries and text of both languages</source>
        <translation>在两种语言的标题、摘要和正文中查找这些词</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>中文</source>
        <extracomment>Show the notes in Chinese; shown in its own language.</extracomment>
        <translation>中文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Both</source>
        <extracomment>Show the notes in Chinese and English side by side.</extracomment>
        <translation>双语</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chinese and English side by side</source>
        <translation>中英文并排显示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Large text</source>
        <translation>大字体</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presentation mode: larger text for a projector</source>
        <translation>演示模式：更大的文字，适合投影</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Try it</source>
        <translation>动手试试</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Practice this topic…</source>
        <translation>练习此主题…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quiz questions and flash cards for this note</source>
        <translation>本笔记的测验题和闪卡</translation>
    </message>
    <message>
        <location line="+160"/>
        <source>Try it: %1</source>
        <translation>试一试：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Load the experiment “%1”</source>
        <translation>加载实验“%1”</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What to watch: %1</source>
        <translation>观察要点：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+44"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n 篇笔记</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No note matches “%1”.</source>
        <translation>没有与“%1”匹配的笔记。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 of %2 notes match</source>
        <translation>%2 篇笔记中有 %1 篇匹配</translation>
    </message>
</context>
<context>
    <name>dlui::PlaygroundLab</name>
    <message>
        <location filename="../ui/labs/playground/PlaygroundLab.cpp" line="+59"/>
        <source>no hidden layer</source>
        <translation>无隐藏层</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Set weight</source>
        <translation>设置权重</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>dlplay</source>
        <translation>dlplay</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>↻ %1</source>
        <translation>↻ %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All &amp;controls</source>
        <translation>全部控件(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show or hide the dock with every setting of the experiment.</source>
        <translation>显示或隐藏包含实验全部设置的控制面板。</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>%1 · %2 · %3, learning rate %4</source>
        <translation>%1 · %2 · %3，学习率 %4</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+111"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>Not applied: %1</source>
        <translation>未应用：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1

Load %2 as regression (a real-valued target)?</source>
        <translation>%1

是否把 %2 按回归（实数值目标）加载？</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Weight from %1 to %2 (now %3):</source>
        <translation>从 %1 到 %2 的权重（当前为 %3）：</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Preset “%1”: %2</source>
        <translation>预设“%1”：%2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 looks like a data file, not an experiment. Load it as the data of the current experiment?</source>
        <translation>%1 看起来是数据文件，而不是实验文件。是否把它作为当前实验的数据加载？</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>SVG images (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export chart as SVG</source>
        <translation>将图表导出为 SVG</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export chart as PNG</source>
        <translation>将图表导出为 PNG</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: could not write the image</source>
        <translation>%1：无法写入图像</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export metrics as CSV</source>
        <translation>将指标导出为 CSV</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: could not write the metrics</source>
        <translation>%1：无法写入指标</translation>
    </message>
</context>
<context>
    <name>dlui::PlotWidget</name>
    <message>
        <location filename="../ui/plots/PlotWidget.cpp" line="+250"/>
        <source>Exported from dlplay</source>
        <translation>由 dlplay 导出</translation>
    </message>
</context>
<context>
    <name>dlui::PracticeDialog</name>
    <message>
        <location filename="../ui/notes/PracticeDialog.cpp" line="+282"/>
        <source>Practice</source>
        <translation>练习</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Topic:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+366"/>
        <source>Reset progress</source>
        <translation>重置进度</translation>
    </message>
    <message>
        <location line="-365"/>
        <source>Forget all answers and flash-card marks</source>
        <translation>清除所有答题记录和闪卡标记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quiz</source>
        <translation>测验</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flash cards</source>
        <translation>闪卡</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No quiz questions for this topic. Try the flash cards, or choose all topics.</source>
        <translation>此主题没有测验题。可以试试闪卡，或选择“所有主题”。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>Open note</source>
        <translation>打开笔记</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Show the note this question practises</source>
        <translation>显示本题所练习的笔记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check</source>
        <translation>检查答案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next</source>
        <translation>下一题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No flash cards for this topic.</source>
        <translation>此主题没有闪卡。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the note this card practises</source>
        <translation>显示本卡片所练习的笔记</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reveal answer</source>
        <translation>显示答案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>I knew it</source>
        <translation>我会了</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The card comes back later, and later each time you know it</source>
        <translation>这张卡片稍后会再次出现；你每答对一次，间隔就会更长</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not yet</source>
        <translation>还不会</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The card comes back after a few others</source>
        <translation>这张卡片会在几张其他卡片之后再次出现</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>中文</source>
        <extracomment>Language choice; shown in its own language.</extracomment>
        <translation>中文</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>中文 + English</source>
        <extracomment>Language choice: Chinese with English under it.</extracomment>
        <translation>中文 + English</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>All topics</source>
        <translation>所有主题</translation>
    </message>
    <message>
        <location line="+157"/>
        <source>Score: %1 of %2 questions answered, %3 right at the last try</source>
        <translation>得分：%2 道题中已答 %1 道，最近一次作答正确 %3 道</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Question %1 of %2 · %3</source>
        <translation>第 %1 题，共 %2 题 · %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Several answers are right: select all of them.</source>
        <translation>有多个正确答案：请全部选出。</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Right!</source>
        <translation>正确！</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not quite. The answer is %1.</source>
        <translation>不太对。正确答案是 %1。</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>%1 of %2 cards known · %3 not yet · %4 new</source>
        <translation>%2 张卡片中已掌握 %1 张 · %3 张未掌握 · %4 张新卡片</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>new</source>
        <translation>新卡片</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>known %n time(s)</source>
        <translation>
            <numerusform>已掌握 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not yet</source>
        <translation>未掌握</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Card %1 of %2 · %3 · %4</source>
        <translation>第 %1 张，共 %2 张 · %3 · %4</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Try it: %1</source>
        <translation>试一试：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Watch: %1</source>
        <translation>观察：%1</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Forget all quiz answers and flash-card marks?</source>
        <translation>要清除所有测验答案和闪卡标记吗？</translation>
    </message>
</context>
<context>
    <name>dlui::ResamplingView</name>
    <message>
        <location filename="../ui/labs/cnn/ResamplingView.cpp" line="+255"/>
        <source>A period of %1 px cannot be drawn here: it must be between 2 and 16 px (2 px is the finest a pixel grid holds: one bright, one dark). The pictures still show period %2 px.</source>
        <translation>周期 %1 像素无法在这里画出：周期必须在 2 到 16 像素之间（2 像素是像素网格能容纳的最细条纹：一亮一暗）。图中仍显示周期 %2 像素。</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>mean %1
contrast %2</source>
        <translation>均值 %1
对比度 %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>stripes every %1 px</source>
        <translation>条纹周期 %1 像素</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no stripes: flat</source>
        <translation>无条纹：平坦</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>inside: %1 to %2
max/min %3</source>
        <translation>内部：%1 到 %2
最大/最小 %3</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+15"/>
        <source>Input
%1</source>
        <translation>输入
%1</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>Stride-2 subsampling
%1</source>
        <translation>步长 2 抽取
%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>2×2 average pooling
%1</source>
        <translation>2×2 平均池化
%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>2×2 max pooling
%1</source>
        <translation>2×2 最大池化
%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Blur, then subsample
%1</source>
        <translation>先模糊再抽取
%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Nearest
%1</source>
        <translation>最近邻
%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bilinear
%1</source>
        <translation>双线性
%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transposed conv
k = 3, stride 2
%1</source>
        <translation>转置卷积
核 3，步长 2
%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transposed conv
k = %1, stride 2
%2</source>
        <translation>转置卷积
核 %1，步长 2
%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A pattern of period %1 px is coarse enough to halve (4 px or more): subsampling keeps it; averaging and blurring only soften it (contrast %2 and %3).</source>
        <translation>周期 %1 像素的图案足够粗，可以缩小一半（需 4 像素及以上）：抽取能保留它；平均和模糊只是让它变柔和（对比度 %2 和 %3）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Aliasing: a pattern of period %1 px is finer than halving can keep (4 px or more). Subsampling keeps every second row and column only, all alike: a FLAT image (all %2) — the pattern vanished. 2×2 averaging gives its true mean, %3.</source>
        <translation>混叠：周期 %1 像素的图案比缩小一半所能保留的更细（需 4 像素及以上）。抽取只保留每隔一行一列的像素，它们全都一样：得到一张平坦的图（全是 %2）——图案消失了。2×2 平均给出它真正的均值 %3。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Aliasing: stripes of period %1 px are finer than halving can keep (4 px or more). Subsampling turns them into FALSE stripes every %2 px (contrast %3) that are not in the image; 2×2 averaging leaves contrast %4, blurring first %5.</source>
        <translation>混叠：周期 %1 像素的条纹比缩小一半所能保留的更细（需 4 像素及以上）。抽取把它们变成每 %2 像素一条的虚假条纹（对比度 %3），原图里并没有；2×2 平均后对比度只剩 %4，先模糊则剩 %5。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Aliasing: a checkerboard of period %1 px is finer than halving can keep (4 px or more). Subsampling turns it into a FALSE coarser pattern (contrast %2) that is not in the image; 2×2 averaging leaves contrast %3, blurring first %4.</source>
        <translation>混叠：周期 %1 像素的棋盘格比缩小一半所能保留的更细（需 4 像素及以上）。抽取把它变成原图里没有的虚假粗图案（对比度 %2）；2×2 平均后对比度只剩 %3，先模糊则剩 %4。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The rings get finer towards the corners. Where they are finer than 4 px, subsampling draws false rings (moiré) that are not in the image; averaging or blurring first turns them grey instead.</source>
        <translation>圆环越靠近四角越细。在细于 4 像素的地方，抽取会画出原图里没有的虚假圆环（摩尔纹）；先平均或模糊则会把它们变成灰色。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A digit has no pattern finer than 4 px: every way keeps its shape. Max pooling thickens the strokes, averaging and blurring soften them.</source>
        <translation>手写数字里没有细于 4 像素的图案：每种方法都保留了它的形状。最大池化让笔画变粗，平均和模糊让笔画变柔和。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>With the bilinear (tent) weights the uneven overlap is compensated: on a constant image kernel 3 gives max/min %1 inside, kernel %2 gives %3. A learned kernel has to find such weights by itself, which is why kernel 3 with stride 2 tends to leave a checkerboard.</source>
        <translation>用双线性（帐篷）权重时，不均匀的重叠被抵消了：在常数图上，核 3 的内部最大/最小为 %1，核 %2 为 %3。可学习的核得自己找到这样的权重，所以步长 2、核 3 往往会留下棋盘格。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checkerboard: with stride 2, the 3×3 stamps of neighbouring inputs overlap on some outputs and not on others (1, 2 or 4 stamps), so a constant image comes out as a checkerboard, max/min %1 inside. Kernel %2 is divisible by the stride: every output inside gets the same number of stamps, max/min %3.</source>
        <translation>棋盘格：步长为 2 时，相邻输入的 3×3 印章在有些输出上重叠、在另一些上不重叠（1、2 或 4 个印章），所以常数图变成了棋盘格，内部最大/最小为 %1。核 %2 能被步长整除：内部每个输出得到的印章数相同，最大/最小为 %3。</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Downsampling by 2</source>
        <translation>缩小一半（下采样）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Upsampling by 2</source>
        <translation>放大一倍（上采样）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One image halved four ways: which keep a fine pattern, which invent one.</source>
        <translation>同一张图用四种方法缩小一半：哪些保住了细图案，哪些凭空造出图案。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A small image doubled four ways: which keep a flat image flat.</source>
        <translation>一张小图用四种方法放大一倍：哪些能让平坦的图保持平坦。</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+23"/>
        <source>Image:</source>
        <translation>图像：</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>Stripes</source>
        <translation>条纹</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Checkerboard</source>
        <translation>棋盘格</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zone plate (rings)</source>
        <translation>波带片（同心圆环）</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+22"/>
        <source>Handwritten digit</source>
        <translation>手写数字</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>The image that is halved. Stripes and the checkerboard have the period set beside; the zone plate&apos;s rings get finer towards its corners.</source>
        <translation>要缩小的图。条纹和棋盘格的周期在旁边设置；波带片的圆环越靠近四角越细。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Period (px):</source>
        <translation>周期（像素）：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How many pixels one bright and one dark stripe take together, 2 to 16. Halving keeps periods of 4 px or more; finer ones alias.</source>
        <translation>一条亮纹加一条暗纹共占多少像素，2 到 16。缩小一半能保留 4 像素及以上的周期；更细的会混叠。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Digit number:</source>
        <translation>数字编号：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Which of the 1,797 bundled UCI digits (8×8; halving draws each pixel 5×5, doubling uses it as it is).</source>
        <translation>内置的 1,797 个 UCI 手写数字中的哪一个（8×8；缩小时每个像素画成 5×5，放大时直接使用）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Constant (all 1)</source>
        <translation>常数（全为 1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stripes, period 2 px</source>
        <translation>条纹，周期 2 像素</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The 8×8 image that is doubled. On the constant image any pattern in an output was made by the upsampling itself.</source>
        <translation>要放大的 8×8 图。在常数图上，输出里出现的任何图案都是上采样自己造出来的。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Weights:</source>
        <translation>转置卷积权重：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Equal (all 1)</source>
        <translation>全为 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bilinear (tent)</source>
        <translation>双线性（帐篷）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The transposed convolutions&apos; weights. Equal: each output counts the input stamps that cover it. Tent (½ 1 ½, ¼ ¾ ¾ ¼): the weights that make a transposed convolution bilinear.</source>
        <translation>转置卷积的权重。相等：每个输出等于覆盖它的输入印章个数。帐篷（½ 1 ½、¼ ¾ ¾ ¼）：让转置卷积等同于双线性插值的权重。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Beside kernel 3:</source>
        <translation>与核 3 对比：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kernel 4, padding 1</source>
        <translation>核 4，填充 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kernel 2</source>
        <translation>核 2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The transposed convolution compared with kernel 3: a kernel the stride 2 divides.</source>
        <translation>与核 3 对比的转置卷积：核尺寸能被步长 2 整除。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The input, black 0 to white 1.</source>
        <translation>输入图，黑为 0，白为 1。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A 1×1 convolution with stride 2: keeps every second row and column, drops the rest unseen.</source>
        <translation>步长 2 的 1×1 卷积：每隔一行一列保留一个像素，其余的看都不看就丢掉。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The mean of each 2×2 window (the engine&apos;s avg_pool2d).</source>
        <translation>每个 2×2 窗口的均值（引擎的 avg_pool2d）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The largest value of each 2×2 window (the engine&apos;s max_pool2d).</source>
        <translation>每个 2×2 窗口的最大值（引擎的 max_pool2d）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A 3×3 blur (1 2 1)ᵀ(1 2 1)/16 as a convolution with stride 2, the edges mirrored: smoothing before subsampling, as image libraries and blur pooling do.</source>
        <translation>3×3 模糊核 (1 2 1)ᵀ(1 2 1)/16 作为步长 2 的卷积，边缘做镜像延拓：抽取前先平滑，就像图像库和模糊池化所做的那样。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The 8×8 input, black 0 to white at its largest value.</source>
        <translation>8×8 输入图，黑为 0，白为它的最大值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each pixel copied into a 2×2 block (the engine&apos;s upsample, nearest).</source>
        <translation>每个像素复制成 2×2 的块（引擎的 upsample，最近邻）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each output interpolated between its four nearest inputs (upsample, bilinear).</source>
        <translation>每个输出由最近的四个输入插值得到（upsample，双线性）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The engine&apos;s conv_transpose2d, kernel 3, stride 2, padding 1: each input stamps a 3×3 kernel, two pixels apart. Shaded from black 0 to white at its own largest value.</source>
        <translation>引擎的 conv_transpose2d，核 3，步长 2，填充 1：每个输入盖一个 3×3 的核印章，相邻印章相隔两个像素。黑为 0，白为这张图自己的最大值。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The engine&apos;s conv_transpose2d with a kernel the stride divides. Shaded from black 0 to white at its own largest value.</source>
        <translation>引擎的 conv_transpose2d，核尺寸能被步长整除。黑为 0，白为这张图自己的最大值。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Measured on this picture: mean, contrast (largest − smallest value) and, for stripes, their period in the input&apos;s pixels.</source>
        <translation>在这张图上测得：均值、对比度（最大值 − 最小值），条纹图还给出条纹周期（以输入图的像素计）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Measured inside this picture (its outer ring of pixels left out: fewer stamps reach the border): the smallest and largest value and their ratio. 1 means flat.</source>
        <translation>在这张图的内部测得（去掉最外一圈像素：边上的印章较少）：最小值、最大值及二者之比。比值为 1 表示平坦。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>What the pictures show, with the numbers measured on them.</source>
        <translation>这些图说明了什么，附上在图上测得的数值。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the pictures show; the ratios are measured on the constant image.</source>
        <translation>这些图说明了什么；比值是在常数图上测得的。</translation>
    </message>
</context>
<context>
    <name>dlui::SaturationChart</name>
    <message>
        <location filename="../ui/plots/SaturationChart.cpp" line="+18"/>
        <source>Saturated units per hidden layer</source>
        <translation>各隐藏层的饱和单元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>saturated (%)</source>
        <translation>饱和比例 (%)</translation>
    </message>
</context>
<context>
    <name>dlui::ScoreBoard</name>
    <message>
        <location filename="../ui/labs/playground/ScoreBoard.cpp" line="+135"/>
        <location line="+84"/>
        <source>Step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>Epoch %1</source>
        <translation>第 %1 轮</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>Measured at step %1</source>
        <translation>在第 %1 步测得</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not measured: this experiment has no validation part.</source>
        <translation>未测量：这个实验没有验证集。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not measured yet: the first evaluation comes at step %1.</source>
        <translation>尚未测量：第一次评估在第 %1 步。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not measured yet: the first evaluation comes at the end of the first epoch.</source>
        <translation>尚未测量：第一次评估在第一轮结束时。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Training loss</source>
        <translation>训练集损失</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The mean loss of the mini-batches trained since the previous evaluation.</source>
        <translation>自上一次评估以来各个小批量损失的平均值。</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Validation loss</source>
        <translation>验证集损失</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The loss on the whole validation part, which the network never trains on.</source>
        <translation>整个验证集上的损失；网络从不在验证集上训练。</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Training accuracy</source>
        <translation>训练集准确率</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The share of training points classified correctly (all of them, without dropout).</source>
        <translation>训练集中被正确分类的数据点所占比例（全部训练数据，不使用随机失活）。</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Validation accuracy</source>
        <translation>验证集准确率</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The share of validation points classified correctly.</source>
        <translation>验证集中被正确分类的数据点所占比例。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mini-batch steps trained so far.</source>
        <translation>目前已训练的小批量步数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passes over the training data so far.</source>
        <translation>目前已完整遍历训练数据的轮数（epoch）。</translation>
    </message>
</context>
<context>
    <name>dlui::SearchLab</name>
    <message>
        <location filename="../ui/labs/search/SearchLab.cpp" line="+99"/>
        <source>the loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the activations</source>
        <translation>激活值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the gradient</source>
        <translation>梯度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diverged: %1 became non-finite at step %2, in layer %3.</source>
        <translation>已发散：%1在第 %2 步变为非有限值（第 %3 层）。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Diverged: %1 became non-finite at step %2.</source>
        <translation>已发散：%1在第 %2 步变为非有限值。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Grid</source>
        <translation>网格搜索</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Uniform random</source>
        <translation>均匀随机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log-uniform random</source>
        <translation>对数均匀随机</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Coarse to fine</source>
        <translation>由粗到细</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L2 penalty</source>
        <translation>L2 惩罚</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>batch size</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>width (units per layer)</source>
        <translation>宽度（每层单元数）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>depth (hidden layers)</source>
        <translation>深度（隐藏层数）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 − β (momentum)</source>
        <translation>1 − β（动量）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>lr</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L2</source>
        <translation>L2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>batch</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>depth</source>
        <translation>深度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>1 − β</source>
        <translation>1 − β</translation>
    </message>
    <message>
        <location line="+185"/>
        <location line="+59"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="-59"/>
        <location line="+59"/>
        <location line="+443"/>
        <location line="+42"/>
        <location line="+38"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="-562"/>
        <source>Search over (1 to 3)</source>
        <translation>搜索的超参数（1 到 3 个）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tick 1 to 3 settings; give each a range (from, to) and whether to spread trials on a log scale.</source>
        <translation>勾选 1 到 3 个超参数，为每个设定范围（从、到），并选择是否按对数刻度分布试验。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lowest value tried</source>
        <translation>尝试的最小值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highest value tried</source>
        <translation>尝试的最大值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>log</source>
        <translation>对数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spread the trials evenly over the powers of ten (as a learning rate should be), not over the values.</source>
        <translation>让试验在 10 的各个幂次上均匀分布（学习率就应该这样搜），而不是在数值上均匀分布。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Strategy</source>
        <translation>策略</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compare with</source>
        <translation>对照策略</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Run a second search beside this one with the same settings, budget and seed but another strategy: its trials are squares in the scatter.</source>
        <translation>在旁边用另一种策略再跑一次搜索，设置、预算和种子都相同：它的试验在散点图中画成方块。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Grid: evenly spaced values, k per setting. Uniform random: every value equally likely. Log-uniform: every power of ten equally likely on log settings. Coarse to fine: a first round everywhere, then rounds around the best trials.</source>
        <translation>网格：每个超参数取 k 个等间距的值。均匀随机：每个数值的可能性相同。对数均匀：对数刻度的超参数上，每个 10 的幂次区间的可能性相同。由粗到细：先在整个范围内搜一轮，再围绕最佳试验继续搜。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trials</source>
        <translation>试验次数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps per trial</source>
        <translation>每次试验的步数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trials trained at once, one core each. The results do not depend on it.</source>
        <translation>同时训练的试验数，每个占一个核。结果与它无关。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+236"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location line="-236"/>
        <location line="+250"/>
        <location line="+61"/>
        <source>Start search</source>
        <translation>开始搜索</translation>
    </message>
    <message>
        <location line="-310"/>
        <source>Caviar: many runs at once</source>
        <translation>鱼子酱：同时训练许多模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Panda: babysit one run</source>
        <translation>熊猫：悉心照看一个模型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open in the playground</source>
        <translation>在游乐场中打开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The selected trial&apos;s experiment, in the playground, ready to train.</source>
        <translation>把选中试验的实验配置在游乐场中打开，可以直接训练。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restart</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change it while the run trains, as one babysits a single large model.</source>
        <translation>在训练过程中随时调整它，就像照看单个大模型那样。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>trial</source>
        <translation>试验</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>best validation loss</source>
        <translation>最佳验证损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+176"/>
        <location line="+34"/>
        <source>best so far</source>
        <translation>迄今最佳</translation>
    </message>
    <message>
        <location line="-209"/>
        <source>Best validation loss so far</source>
        <translation>迄今最佳验证损失</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+15"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="-14"/>
        <location line="+447"/>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location line="-447"/>
        <location line="+447"/>
        <source>validation loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location line="-436"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>round</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>val loss</source>
        <translation>验证损失</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>val acc</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>final validation loss</source>
        <translation>最终验证损失</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Each trial: %1 data, hidden layers %2, %3, %4 steps.</source>
        <translation>每次试验：%1数据，隐藏层 %2，%3，%4 步。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+102"/>
        <source>Budget: %1 trials × %2 steps = %3 steps.</source>
        <translation>预算：%1 次试验 × %2 步 = %3 步。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A grid of %1 per setting uses %2 of the %3 trials.</source>
        <translation>每个超参数取 %1 个值的网格只用掉 %3 次试验中的 %2 次。</translation>
    </message>
    <message>
        <location line="+136"/>
        <source>%1 of %2 trials finished, %3 diverged.</source>
        <translation>%2 次试验已完成 %1 次，其中 %3 次发散。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1: best trial %2, validation loss %3 (%4).</source>
        <translation>%1：最佳为第 %2 次试验，验证损失 %3（%4）。</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>training</source>
        <translation>训练中</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>diverged at %1</source>
        <translation>在第 %1 步发散</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Select a trial in the table first.</source>
        <translation>请先在表格中选中一次试验。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 — trial %2</source>
        <translation>%1 — 第 %2 次试验</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No search has run yet.</source>
        <translation>还没有运行过搜索。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Export trials</source>
        <translation>导出试验</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Trials written to %1</source>
        <translation>试验已写入 %1</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>step %1: lr %2</source>
        <translation>第 %1 步：学习率 %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Learning-rate changes: %1</source>
        <translation>学习率调整记录：%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Diverged at step %1: lower the rate and restart.</source>
        <translation>在第 %1 步发散：请调低学习率后重新开始。</translation>
    </message>
</context>
<context>
    <name>dlui::SequenceLab</name>
    <message>
        <location filename="../ui/labs/sequence/SequenceLab.cpp" line="+569"/>
        <source>Gradient through time</source>
        <translation>随时间的梯度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inside the cell</source>
        <translation>单元内部</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+47"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Encoder-decoder</source>
        <translation>编码器-解码器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word vectors</source>
        <translation>词向量</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>task</source>
        <translation>任务</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>adding problem</source>
        <translation>加法问题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recall a symbol</source>
        <translation>回忆符号</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>parity</source>
        <translation>奇偶校验</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sine, next value</source>
        <translation>正弦，预测下一个值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>characters of a text</source>
        <translation>文本的字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>series from a CSV file</source>
        <translation>CSV 文件中的序列</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>reverse digits</source>
        <translation>数字倒序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sort digits</source>
        <translation>数字排序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>word vectors (skip-gram)</source>
        <translation>词向量（skip-gram）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>length T</source>
        <translation>长度 T</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps per sequence: how far back the gradient has to travel.</source>
        <translation>每个序列的步数：梯度要往回传多远。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a text or CSV series…</source>
        <translation>打开文本或 CSV 序列…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cells</source>
        <translation>单元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Elman RNN: h = tanh(W x + U h)</source>
        <translation>Elman RNN：h = tanh(W x + U h)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>LSTM: input, forget and output gates, a cell state</source>
        <translation>LSTM：输入门、遗忘门、输出门和细胞状态</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>GRU: update and reset gates</source>
        <translation>GRU：更新门和重置门</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>units</source>
        <translation>单元数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recurrent weights</source>
        <translation>循环权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>default</source>
        <translation>默认</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>orthogonal × gain</source>
        <translation>正交 × 增益</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>identity × gain</source>
        <translation>单位矩阵 × 增益</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>gain</source>
        <translation>增益</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale of the orthogonal or identity recurrent matrix: below 1 the gradient fades through time, above 1 it can explode.</source>
        <translation>正交或单位循环矩阵的缩放：小于 1 时梯度随时间衰减，大于 1 时可能爆炸。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>forget bias</source>
        <translation>遗忘偏置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The LSTM&apos;s initial forget-gate bias: σ(b) of the cell state is kept at each step.</source>
        <translation>LSTM 遗忘门的初始偏置：每一步保留细胞状态的 σ(b)。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>truncate BPTT</source>
        <translation>截断 BPTT</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>full</source>
        <translation>完整</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backpropagation through time over windows of k steps; full: the whole sequence.</source>
        <translation>在 k 步的窗口内做随时间反向传播；完整：整个序列。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dot product (Luong)</source>
        <translation>点积（Luong）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>additive (Bahdanau)</source>
        <translation>加性（Bahdanau）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>window</source>
        <translation>窗口</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Context words on each side of the centre word.</source>
        <translation>中心词两侧各取的上下文词数。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>clipping</source>
        <translation>裁剪</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+207"/>
        <source>off</source>
        <translation>关</translation>
    </message>
    <message>
        <location line="-206"/>
        <source>global norm</source>
        <translation>全局范数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>each value</source>
        <translation>逐个分量</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Global norm: rescale the whole gradient when its length exceeds the threshold (keeps its direction). Each value: clamp every component.</source>
        <translation>全局范数：梯度总长度超过阈值时整体缩放（方向不变）。逐个分量：把每个分量截到阈值内。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>batch</source>
        <translation>批大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>stop at step</source>
        <translation>停在第几步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>untrained</source>
        <translation>不训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training pauses here, where the preset&apos;s claim is measured; play goes on past it.</source>
        <translation>训练在这里暂停，这是预设结论的测量点；再按播放会继续训练。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Along the sequence:</source>
        <translation>沿序列：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>‖∂L/∂hₜ‖: the loss gradient, latest step</source>
        <translation>‖∂L/∂hₜ‖：最新一步的损失梯度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>‖∂h_T/∂hₜ‖: how far hₜ still reaches</source>
        <translation>‖∂h_T/∂hₜ‖：hₜ 还能影响多远</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+532"/>
        <location line="+110"/>
        <source>time step t</source>
        <translation>时间步 t</translation>
    </message>
    <message>
        <location line="-109"/>
        <source>‖∂L/∂hₜ‖ (log)</source>
        <translation>‖∂L/∂hₜ‖（对数）</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>‖∂h_T/∂hₜ‖ (log)</source>
        <translation>‖∂h_T/∂hₜ‖（对数）</translation>
    </message>
    <message>
        <location line="-534"/>
        <source>Over training, cell:</source>
        <translation>训练过程，单元：</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>spot a motif (A B C anywhere)</source>
        <translation>找模式（任意位置的 A B C）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>What the networks learn. Adding, recall and parity need a memory of T steps; spotting a motif needs a detector that works at every position; reversing and sorting use an encoder-decoder; word vectors use skip-gram.</source>
        <translation>网络要学的内容。加法、回忆和奇偶校验需要记住 T 步；找模式需要在每个位置都起作用的检测器；反转和排序用编码器-解码器；词向量用 skip-gram。</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>training step</source>
        <translation>训练步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>‖∂L/∂hₜ‖ at each recorded step</source>
        <translation>每个记录步的 ‖∂L/∂hₜ‖</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train to fill the map: one row per recorded step.</source>
        <translation>开始训练后填充：每个记录步一行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recurrent eigenvalues</source>
        <translation>循环矩阵的特征值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read from right to left: the gradient starts at the last step and travels back. A line that falls steeply means early inputs no longer reach the loss (vanishing); one that rises, exploding. Eigenvalues outside the dashed unit circle grow at every step.</source>
        <translation>从右往左读：梯度从最后一步出发往回传。曲线陡降说明早期输入已影响不到损失（梯度消失）；曲线上升则是梯度爆炸。虚线单位圆外的特征值每一步都在放大。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cell</source>
        <translation>单元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test sequence</source>
        <translation>测试序列</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+12"/>
        <location line="+824"/>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <location line="-837"/>
        <location line="+13"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>validation accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answers on test sequences</source>
        <translation>测试序列上的回答</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text the model writes</source>
        <translation>模型写出的文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+600"/>
        <source>temperature %1</source>
        <translation>温度 %1</translation>
    </message>
    <message>
        <location line="-599"/>
        <source>0: always the likeliest character; 1: as the model predicts; above 1: wilder.</source>
        <translation>0：总是取最可能的字符；1：按模型的预测分布；大于 1：更随意。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample again</source>
        <translation>重新采样</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type a sequence:</source>
        <translation>输入一个序列：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>digits, e.g. 3 1 4 1 5 9 2 6 5 3, then Enter</source>
        <translation>数字，例如 3 1 4 1 5 9 2 6 5 3，然后按回车</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attention: which source position each output step reads</source>
        <translation>注意力：每个输出步读取哪个源位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>output step</source>
        <translation>输出步</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>source position</source>
        <translation>源位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This model has no attention: it reads the whole source from one vector.</source>
        <translation>这个模型没有注意力：它只能从一个向量里读出整个源序列。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nearest words to (Enter, or click a word):</source>
        <translation>最近的词（回车，或点击一个词）：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Word vectors, projected to the plane (PCA)</source>
        <translation>投影到平面上的词向量（PCA）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train to see the words move.</source>
        <translation>开始训练，看词的移动。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answers appear when training pauses or evaluates.</source>
        <translation>训练暂停或评估时显示回答。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>even</source>
        <translation>偶数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>odd</source>
        <translation>奇数</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>absent</source>
        <translation>没有</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>present</source>
        <translation>有</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>the corpus that comes with dlplay</source>
        <translation>dlplay 自带的语料</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the notes, in both languages</source>
        <translation>笔记（中英文）</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Applied while training: learning rate %1, clipping %2.</source>
        <translation>已在训练中生效：学习率 %1，裁剪 %2。</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>training.cells: at most %1 cells side by side</source>
        <translation>training.cells：最多并排 %1 种单元</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>%1 training</source>
        <translation>%1 训练</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 validation</source>
        <translation>%1 验证</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+568"/>
        <source>training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location line="-339"/>
        <source>Paused at step %1, where the preset&apos;s claim is measured.</source>
        <translation>已在第 %1 步暂停，这是预设结论的测量点。</translation>
    </message>
    <message>
        <location line="+115"/>
        <source>Shown when training pauses, and every few seconds while it runs.</source>
        <translation>训练暂停时显示，训练中每隔几秒更新。</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>input xₜ</source>
        <translation>输入 xₜ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>input gate iₜ</source>
        <translation>输入门 iₜ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>forget gate fₜ</source>
        <translation>遗忘门 fₜ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>candidate gₜ</source>
        <translation>候选值 gₜ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>output gate oₜ</source>
        <translation>输出门 oₜ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>reset gate rₜ</source>
        <translation>重置门 rₜ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>update gate zₜ</source>
        <translation>更新门 zₜ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>candidate nₜ</source>
        <translation>候选值 nₜ</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cell state cₜ</source>
        <translation>细胞状态 cₜ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hidden state hₜ</source>
        <translation>隐藏状态 hₜ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Forget gates multiplied along the %1 steps, ∏ fₜ = %2 (mean over units and test sequences): the share of the first cell state that survives to the end.</source>
        <translation>沿 %1 步连乘遗忘门，∏ fₜ = %2（对单元和测试序列取平均）：最初的细胞状态能保留到最后的比例。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 has no forget gate: its state is rewritten at every step. Choose the LSTM to see how much of its memory survives.</source>
        <translation>%1 没有遗忘门：它的状态每一步都被重写。选择 LSTM，看它的记忆能保留多少。</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1, step %2:</source>
        <translation>%1，第 %2 步：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>sequence %1: target %2, predicted %3</source>
        <translation>序列 %1：目标 %2，预测 %3</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>text:      %1</source>
        <translation>原文：%1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>predicted: %1</source>
        <translation>预测：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sequence %1: answer %2, predicted %3 %4</source>
        <translation>序列 %1：答案 %2，预测 %3 %4</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>An input-blind guess scores a loss of %1.</source>
        <translation>不看输入的猜测，损失为 %1。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the loaded task has no encoder-decoder</source>
        <translation>当前任务没有编码器-解码器</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>typed sequence: &apos;%1&apos; is not a digit from 0 to %2</source>
        <translation>输入的序列：“%1”不是 0 到 %2 的数字</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>typed sequence: %1 digits; this model reads exactly %2</source>
        <translation>输入的序列：%1 个数字；这个模型只读恰好 %2 个</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>&lt;b&gt;%1&lt;/b&gt; → &lt;b&gt;%2&lt;/b&gt; (step %3; wrong digits in red)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; → &lt;b&gt;%2&lt;/b&gt;（第 %3 步；错的数字标红）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Held-out sequences: %1 of digits right, %2 of whole sequences.</source>
        <translation>留出序列：数字正确率 %1，整条序列正确率 %2。</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>&apos;%1&apos; is not in the corpus.</source>
        <translation>语料中没有“%1”。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>→ %1</source>
        <translation>→ %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass %1 of %2; %3 words on the map; loss %4%5</source>
        <translation>第 %1/%2 遍；地图上 %3 个词；损失 %4%5</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>On test sequences never trained on: the loss (regression; the heading gives what an input-blind guess scores) or the accuracy.</source>
        <translation>在从未训练过的测试序列上：损失（回归任务；表头给出不看输入的猜测的损失）或准确率。</translation>
    </message>
    <message>
        <location line="-11"/>
        <source> — finished</source>
        <translation> — 已完成</translation>
    </message>
    <message>
        <location line="-815"/>
        <source>Analogy a : b :: c : ?  (e.g. france : paris :: italy : ?)</source>
        <translation>类比 a : b :: c : ?（例如 france : paris :: italy : ?）</translation>
    </message>
    <message>
        <location line="+822"/>
        <source>‖∂h_T/∂h₁‖</source>
        <translation>‖∂h_T/∂h₁‖</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ρ(U)</source>
        <translation>ρ(U)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>∏ fₜ</source>
        <translation>∏ fₜ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The loss of the latest training batch.</source>
        <translation>最近一个训练批次的损失。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How much the first hidden state still moves the last one (median over 8 test sequences): below 10⁻⁶ the first steps are out of reach of the gradient.</source>
        <translation>第一个隐藏状态对最后一个还有多大影响（8 条测试序列的中位数）：低于 10⁻⁶ 时，梯度已到不了最初几步。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Spectral radius of the recurrent matrix of the candidate state: its largest |λ|.</source>
        <translation>候选状态的循环矩阵的谱半径：最大的 |λ|。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The LSTM&apos;s forget gates multiplied along the sequence.</source>
        <translation>LSTM 的遗忘门沿序列连乘。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>test loss (guess: %1)</source>
        <translation>测试损失（猜测：%1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>test accuracy</source>
        <translation>测试准确率</translation>
    </message>
    <message>
        <location line="+34"/>
        <location line="+2"/>
        <source>diverged</source>
        <translation>已发散</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+6"/>
        <source>step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>pass %1 of %2</source>
        <translation>第 %1 遍，共 %2 遍</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>step %1 (the claim is about the untrained network)</source>
        <translation>第 %1 步（结论针对未训练的网络）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 diverged: %2</source>
        <translation>%1 已发散：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: clipped on %2 of %3 steps</source>
        <translation>%1：%3 步中有 %2 步被裁剪</translation>
    </message>
</context>
<context>
    <name>dlui::SparsityChart</name>
    <message>
        <location filename="../ui/plots/SparsityChart.cpp" line="+104"/>
        <source>Tick “Compare L1 vs L2” (Regularisation page) to train two copies of the network from the same initial weights, one with an L1 penalty and one with an L2 penalty of the same strength, and compare how sparse their weights become.</source>
        <translation>勾选“对比 L1 与 L2”（“正则化”页），即可从相同的初始权重出发训练网络的两个副本：一个使用 L1 惩罚，另一个使用相同强度的 L2 惩罚，然后比较它们的权重变得有多稀疏。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Near-zero weights: |w| &lt; 0.001</source>
        <translation>近零权重：|w| &lt; 0.001</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>step</source>
        <translation>步数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>near zero (%)</source>
        <translation>接近零 (%)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L1 run</source>
        <translation>L1 组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L2 run</source>
        <translation>L2 组</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L1 run: weights</source>
        <translation>L1 组的权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L2 run: weights</source>
        <translation>L2 组的权重</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>share (%)</source>
        <translation>占比 (%)</translation>
    </message>
</context>
<context>
    <name>dlui::TrainingLab</name>
    <message>
        <location filename="../ui/labs/TrainingLab.cpp" line="+74"/>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train one mini-batch step (→).</source>
        <translation>训练一个小批量步（→）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New initial weights from the seed; the settings stay.</source>
        <translation>按种子重新生成初始权重；设置保持不变。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>❚❚ Pause</source>
        <translation>❚❚ 暂停</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>▶ Train</source>
        <translation>▶ 训练</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train or pause (Space). Training pauses by itself at the preset&apos;s step.</source>
        <translation>训练或暂停（空格键）。训练到预设的步数会自动暂停。</translation>
    </message>
</context>
<context>
    <name>dlui::TrainingSession</name>
    <message>
        <location filename="../ui/labs/playground/PlaygroundSimulation.cpp" line="+212"/>
        <source>Training diverged: reset or change the configuration before playing.</source>
        <translation>训练已发散：请先重置或修改配置，再运行。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training diverged: reset or change the configuration before stepping.</source>
        <translation>训练已发散：请先重置或修改配置，再单步训练。</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>unknown error</source>
        <translation>未知错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Training stopped: %1</source>
        <translation>训练已停止：%1</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Configuration refused: %1</source>
        <translation>配置被拒绝：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Data refused: %1</source>
        <translation>数据被拒绝：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused: %1</source>
        <translation>被拒绝：%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Experiment loaded</source>
        <translation>实验已加载</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data changed: new data set and weights</source>
        <translation>数据已更改：使用新的数据集并重新初始化权重</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Architecture changed: new weights</source>
        <translation>网络结构已更改：权重已重新初始化</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Initialisation changed: new weights</source>
        <translation>初始化方法已更改：权重已重新初始化</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Seed changed: new weights</source>
        <translation>随机种子已更改：权重已重新初始化</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Loss changed: new weights</source>
        <translation>损失函数已更改：权重已重新初始化</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Class weights changed: new weights</source>
        <translation>类别权重已更改：权重已重新初始化</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>L1-vs-L2 comparison switched: new runs</source>
        <translation>L1/L2 对比已切换：重新开始训练</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>activations</source>
        <translation>激活值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>gradient</source>
        <translation>梯度</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>weights</source>
        <translation>权重</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>non-finite %1 at step %2, layer %3</source>
        <translation>第 %2 步、第 %3 层的%1出现非有限值</translation>
    </message>
</context>
<context>
    <name>dlui::TransportBar</name>
    <message>
        <location filename="../ui/labs/playground/TransportBar.cpp" line="+118"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play</source>
        <translation>运行</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+14"/>
        <source>Step %1</source>
        <translation>第 %1 步</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+14"/>
        <source>Epoch %1</source>
        <translation>第 %1 轮</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+14"/>
        <source>%1 steps/s</source>
        <translation>%1 步/秒</translation>
    </message>
    <message>
        <location line="-13"/>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>max</source>
        <translation>最快</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Transport</source>
        <translation>运行控制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Train continuously, or pause (Space).</source>
        <translation>持续训练或暂停（空格键）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Train exactly one mini-batch step (→ or S).</source>
        <translation>只训练一步，即一个小批量（→ 或 S 键）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New weights from the seed; counters back to zero (R).</source>
        <translation>根据种子生成新的权重；计数器归零（R 键）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speed</source>
        <translation>速度</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training speed in steps per second; rightmost = as fast as the computer can.</source>
        <translation>训练速度（每秒步数）；最右 = 计算机所能达到的最快速度。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mini-batch steps trained so far.</source>
        <translation>目前已训练的小批量步数。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passes over the training data so far.</source>
        <translation>目前已完整遍历训练数据的轮数（epoch）。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measured training speed over the last second.</source>
        <translation>最近一秒内实测的训练速度。</translation>
    </message>
</context>
<context>
    <name>dlui::TrialScatter</name>
    <message>
        <location filename="../ui/labs/search/TrialScatter.cpp" line="+70"/>
        <source>colour: validation loss %1 … %2 · × diverged</source>
        <translation>颜色：验证损失 %1 … %2 · × 发散</translation>
    </message>
    <message>
        <location line="+204"/>
        <source>Trial %1</source>
        <translation>第 %1 次试验</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>validation loss %1</source>
        <translation>验证损失 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>diverged at step %1</source>
        <translation>在第 %1 步发散</translation>
    </message>
</context>
<context>
    <name>dlui::WatchPanel</name>
    <message>
        <location filename="../ui/labs/playground/WatchPanel.cpp" line="+116"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — what to watch: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; —— 看点：%2</translation>
    </message>
</context>
<context>
    <name>dlui::WordMap</name>
    <message>
        <location filename="../ui/labs/sequence/WordMap.cpp" line="+168"/>
        <source>No word vectors yet</source>
        <translation>还没有词向量</translation>
    </message>
</context>
</TS>

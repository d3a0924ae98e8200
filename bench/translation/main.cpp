// medtranslate-bench-translation [resources-dir] [messages]: prints the translation engine's
// throughput on generated consultation messages. A benchmark, not a test: it asserts nothing.
#include "TranslationBench.h"

#include <QCoreApplication>
#include <QTextStream>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString resources =
        args.size() > 1 ? args[1] : QStringLiteral(MEDTRANSLATE_SOURCE_ROOT "/resources");
    const int messages = args.size() > 2 ? args[2].toInt() : 10000;
    QTextStream out(stdout);
    QString error;
    auto loaded = medtranslate::relay::TranslationPipeline::loadResources(resources, &error);
    if (!loaded) {
        out << "cannot load resources from " << resources << ": " << error << "\n";
        return 1;
    }
    medtranslate::bench::TranslationBench bench(std::move(*loaded), messages, out);
    bench.glossaryMatching();
    bench.preparation();
    bench.memoryCache();
    bench.storeCache();
    bench.pipelineRepeats();
    return 0;
}

using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Parley.Benchmarks.Codecs.LineCodecBenchmarks).Assembly).Run(args);

using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Parley.Benchmarks.FanOut.RoomFanOutBenchmarks).Assembly).Run(args);

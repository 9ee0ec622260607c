// Every test here runs dotnet pack/publish on the same projects (src/TypedJwt in Release); two of those at once would
// write the same obj/ and bin/ folders and fail at random, so the tests of this assembly run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

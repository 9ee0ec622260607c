using TypedJwt;

namespace Sample.Outer;

public static partial class Container
{
    public partial struct Inner
    {
        [JwtPayload]
        public partial record struct IdToken
        {
            [JwtClaim("sub")] public string Subject { get; set; }
            public long AuthTime { get; set; }
        }
    }
}

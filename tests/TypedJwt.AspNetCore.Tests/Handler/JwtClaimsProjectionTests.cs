using System.Security.Claims;
using System.Text;

namespace TypedJwt.AspNetCore.Tests.Handler;

/// <summary>The documented mapping from payload JSON to claims, for every JSON kind.</summary>
public sealed class JwtClaimsProjectionTests
{
    [Fact]
    public void Each_JSON_kind_maps_as_documented()
    {
        const string json = """
            {"sub":"alice","n":42,"ratio":0.5,"big":1e3,"ok":true,"no":false,"gone":null,
             "roles":["a","b"],"mixed":[1,"x",{"k":1}],"addr":{"city":"Oslo","zip":[1,2]},"esc\u0061ped":"v"}
            """;

        string[] claims = [.. JwtClaimsProjection.Read(Encoding.UTF8.GetBytes(json), "test", JwtClaimReader.DefaultMaxDepth).Select(c => $"{c.Type}={c.Value}|{c.ValueType}")];

        Assert.Equal(
        [
            "sub=alice|" + ClaimValueTypes.String,
            "n=42|" + ClaimValueTypes.Integer64,
            "ratio=0.5|" + ClaimValueTypes.Double,
            "big=1e3|" + ClaimValueTypes.Double,
            "ok=true|" + ClaimValueTypes.Boolean,
            "no=false|" + ClaimValueTypes.Boolean,
            "roles=a|" + ClaimValueTypes.String,
            "roles=b|" + ClaimValueTypes.String,
            "mixed=1|" + ClaimValueTypes.Integer64,
            "mixed=x|" + ClaimValueTypes.String,
            "mixed={\"k\":1}|JSON",
            "addr={\"city\":\"Oslo\",\"zip\":[1,2]}|JSON",
            "escaped=v|" + ClaimValueTypes.String,
        ], claims);
    }
}

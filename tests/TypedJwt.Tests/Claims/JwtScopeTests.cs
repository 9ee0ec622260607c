using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace TypedJwt.Tests.Claims;

public class JwtScopeTests
{
    [Fact]
    public void Scope_tokens_are_a_list_written_space_delimited()
    {
        var scope = new JwtScope("openid", "profile");
        Assert.Equal(2, scope.Count);
        Assert.Equal("profile", scope[1]);
        Assert.True(scope.Contains("openid"));
        Assert.False(scope.Contains("OPENID"));
        Assert.Equal(new JwtScope(ImmutableArray.Create("openid", "profile")), scope);
        Assert.NotEqual(new JwtScope("profile", "openid"), scope);

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            scope.WriteTo(writer, JsonEncodedText.Encode("scope"));
            writer.WriteEndObject();
        }

        Assert.Equal("""{"scope":"openid profile"}""", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("quote\"")]
    public void Scope_tokens_outside_the_RFC_6749_grammar_are_refused(string token)
    {
        Assert.Throws<ArgumentException>(() => new JwtScope(token));
    }

    [Fact]
    public void Long_scopes_are_read_beyond_the_stack_buffer()
    {
        string[] many = Enumerable.Range(0, 100).Select(i => "scope" + i).ToArray();
        byte[] json = Encoding.UTF8.GetBytes("\"" + string.Join("\\u0020", many) + "\"");
        var reader = new Utf8JsonReader(json);
        reader.Read();
        Assert.True(JwtScope.TryRead(ref reader, "scope", out JwtScope scope, out _));
        Assert.Equal(many, scope);
    }
}

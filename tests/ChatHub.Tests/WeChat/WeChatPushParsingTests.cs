using GovAssistant.ChatHub.Channels.WeChat;

namespace GovAssistant.ChatHub.Tests.WeChat;

/// <summary>Reading push bodies: both formats, and nothing unsafe or malformed gets through.</summary>
public sealed class WeChatPushParsingTests
{
    [Fact]
    public void AnXmlPushIsReadWithCdataAndNumbers()
    {
        var push = WeChatPush.Parse("""
            <xml><ToUserName><![CDATA[gh_1]]></ToUserName><FromUserName><![CDATA[oUser]]></FromUserName>
            <CreateTime>1348831860</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[居住证 <怎么> 办理]]></Content>
            <MsgId>1234567890123456</MsgId><ScanCodeInfo><ScanType>qrcode</ScanType></ScanCodeInfo></xml>
            """);
        Assert.False(push.IsJson);
        Assert.Equal("oUser", push.FromUserName);
        Assert.Equal("居住证 <怎么> 办理", push.Content);
        Assert.Equal("m:1234567890123456", push.DeduplicationKey);
        Assert.False(push.Fields.ContainsKey("ScanCodeInfo"));
    }

    [Fact]
    public void AJsonEventIsKeyedByUserAndCreationTime()
    {
        var push = WeChatPush.Parse("""{"ToUserName":"gh_1","FromUserName":"oUser","CreateTime":1482048670,"MsgType":"event","Event":"user_enter_tempsession","SessionFrom":"x"}""");
        Assert.True(push.IsJson);
        Assert.Equal("user_enter_tempsession", push.Event);
        Assert.Equal("e:oUser:1482048670:user_enter_tempsession", push.DeduplicationKey);
    }

    [Theory]
    [InlineData("""<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><xml><Content>&xxe;</Content></xml>""")]
    [InlineData("""<!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><xml><Content>&b;</Content></xml>""")]
    [InlineData("<xml><Content>unclosed</xml>")]
    [InlineData("<notxml><Content>x</Content></notxml>")]
    [InlineData("<xml></xml><xml></xml>")]
    [InlineData("""{"FromUserName":"o","MsgType":"text",""")]
    [InlineData("""["FromUserName"]""")]
    [InlineData("FromUserName=o&MsgType=text")]
    [InlineData("")]
    public void UnsafeOrMalformedBodiesAreRefused(string body) => Assert.Throws<WeChatPushFormatException>(() => WeChatPush.Parse(body));
}

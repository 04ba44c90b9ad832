using GovAssistant.QaEngine.Understanding;

namespace GovAssistant.QaEngine.Tests.Understanding;

/// <summary>The lexicon's objects fit a 256-bit set: objects past the first 128 are told apart like the first ones.</summary>
public class ObjectSetTests
{
    [Fact]
    public void ObjectsPastTheFirstHundredAndTwentyEightAreToldApart()
    {
        var low = ObjectSet.Of(5);
        var high = ObjectSet.Of(133);

        Assert.True((low & high).IsEmpty);
        Assert.True(high.Contains(133));
        Assert.False(high.Contains(5));
        Assert.Equal(2, (low | high).Count);
        Assert.True((~high & high).IsEmpty);
        Assert.Equal(low, (low | high) & ~high);
    }

    [Fact]
    public void AnObjectOutsideTheCapacityIsRefused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ObjectSet.Of(ObjectSet.Capacity));

    [Fact]
    public void ALexiconOfMoreThanAHundredAndTwentyEightObjectsReadsEachOne()
    {
        // 200 objects of one family, each named by one made-up word: 甲0 … 甲199.
        var lines = Enumerable.Range(0, 200).Select(i => $"object 测试/物{i} 甲{i}号").Prepend("need 补办 补办");
        var lexicon = ServiceLexicon.Load(lines);

        var first = lexicon.Read("甲3号怎么补办");
        var late = lexicon.Read("甲170号怎么补办");

        Assert.Equal(1, late.Objects.Count);
        Assert.NotEqual(0UL, late.Needs);
        Assert.True((first.Objects & late.Objects).IsEmpty);
        Assert.Contains(lexicon.Families, f => !(f & first.Objects).IsEmpty && !(f & late.Objects).IsEmpty);
    }

    [Fact]
    public void ALexiconPastTheCapacityIsRefusedWithItsReason()
    {
        var lines = Enumerable.Range(0, ObjectSet.Capacity + 1).Select(i => $"object -/物{i} 甲{i}号");
        var e = Assert.Throws<InvalidDataException>(() => ServiceLexicon.Load(lines));
        Assert.Contains("too many object", e.Message);
    }

    [Fact]
    public void AWordNamingTwoGroupsIsRefusedRatherThanReadAsTheFirst()
    {
        var e = Assert.Throws<InvalidDataException>(() => ServiceLexicon.Load(["object 保险/生育 产假 生育津贴", "object 假期/产假 产假 生育假"]));
        Assert.Contains("产假", e.Message);
        // The same word twice for one group is no conflict.
        Assert.NotEqual(ObjectSet.Empty, ServiceLexicon.Load(["object 假期/产假 产假 产假"]).Read("产假").Objects);
    }
}
